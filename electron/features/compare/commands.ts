// The commands of this feature as the command line lists them; what they do loads on use.
import type { CommandSpec } from '../../cli/framework';

export const commands: CommandSpec[] = [
  {
    name: 'whatif',
    usage: 'WS --year Y --unit CODE MÃ=ĐIỂM... [--json]',
    summary: 'tính thử tổng điểm, chỉ số, xếp hạng, xếp loại của một đơn vị với điểm giả định (ĐIỂM là số hoặc max; không lưu)',
    positionals: 2,
    variadic: true,
    flags: { year: 'number', unit: 'string', json: 'boolean' },
    required: ['year', 'unit'],
    load: () => import('./cli').then((m) => m.runs['whatif']),
  },
  {
    name: 'losses',
    usage: 'WS --year Y (--unit CODE | --block B) [--top N]',
    summary: 'các tiêu chí thành phần bị mất nhiều điểm nhất của một đơn vị hoặc một khối',
    positionals: 1,
    flags: { year: 'number', unit: 'string', block: 'string', top: 'number' },
    required: ['year'],
    load: () => import('./cli').then((m) => m.runs['losses']),
  },
];
