// The commands of this feature as the command line lists them; what they do loads on use.
import type { CommandSpec } from '../../cli/framework';

export const commands: CommandSpec[] = [
  {
    name: 'deadlines',
    usage: 'WS --year Y [--self dd/mm/yyyy] [--appraisal dd/mm/yyyy] [--petitions dd/mm/yyyy]',
    summary: 'đặt hoặc xem hạn nộp tự chấm, hạn thẩm định và hạn kiến nghị của một năm',
    positionals: 1,
    flags: { year: 'number', self: 'string', appraisal: 'string', petitions: 'string' },
    required: ['year'],
    load: () => import('./cli').then((m) => m.runs['deadlines']),
  },
  {
    name: 'status',
    usage: 'WS --year Y [--json]',
    summary: 'tiến độ của từng đơn vị trong năm: đã nộp, đang thẩm định, đã thông báo, kiến nghị, quá hạn',
    positionals: 1,
    flags: { year: 'number', json: 'boolean' },
    required: ['year'],
    load: () => import('./cli').then((m) => m.runs['status']),
  },
];
