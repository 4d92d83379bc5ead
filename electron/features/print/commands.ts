// The commands of this feature as the command line lists them; what they do loads on use.
import type { CommandSpec } from '../../cli/framework';

const SCORECARDS_USAGE = 'WS --year Y (--unit CODE | --block B | --all) --out DIR [--combined] [--chromium PATH]';

export const commands: CommandSpec[] = [
  {
    name: 'scorecards',
    usage: SCORECARDS_USAGE,
    summary: 'in phiếu kết quả Chỉ số CCHC (PDF khổ A4) của một đơn vị, một khối hoặc tất cả',
    positionals: 1,
    flags: { year: 'number', unit: 'string', block: 'string', all: 'boolean', out: 'string', combined: 'boolean', chromium: 'string' },
    required: ['year', 'out'],
    load: () => import('./cli').then((m) => m.runs['scorecards']),
  },
  {
    name: 'export',
    usage: 'WS --year Y --out FILE.xlsx',
    summary: 'xuất bảng tổng hợp Excel: xếp hạng, chỉ số thành phần, so sánh năm trước, điểm bị mất',
    positionals: 1,
    flags: { year: 'number', out: 'string' },
    required: ['year', 'out'],
    load: () => import('./cli').then((m) => m.runs['export']),
  },
];
