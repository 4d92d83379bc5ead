// The commands of this feature as the command line lists them; what they do loads on use.
import type { CommandSpec } from '../../cli/framework';

export const commands: CommandSpec[] = [
  {
    name: 'scores import',
    usage: 'WS --year Y FILE',
    summary: 'nhập bảng điểm (Mã đơn vị, Mã tiêu chí, Điểm tự chấm, Điểm thẩm định, Không áp dụng, Ghi chú)',
    positionals: 2,
    flags: { year: 'number' },
    required: ['year'],
    load: () => import('./cli').then((m) => m.runs['scores import']),
  },
];
