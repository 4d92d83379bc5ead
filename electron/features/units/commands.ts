// The commands of this feature as the command line lists them; what they do loads on use.
import type { CommandSpec } from '../../cli/framework';

export const commands: CommandSpec[] = [
  {
    name: 'units import',
    usage: 'WS FILE',
    summary: 'nhập danh sách đơn vị (Mã, Tên đơn vị, Khối, Kế thừa từ, Xếp hạng)',
    positionals: 2,
    load: () => import('./cli').then((m) => m.runs['units import']),
  },
];
