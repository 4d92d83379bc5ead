// The commands of this feature as the command line lists them; what they do loads on use.
import type { CommandSpec } from '../../cli/framework';

export const commands: CommandSpec[] = [
  {
    name: 'council members',
    usage: 'WS FILE',
    summary: 'nhập danh sách thành viên hội đồng thẩm định (cột Họ và tên, Cơ quan)',
    positionals: 2,
    load: () => import('./cli').then((m) => m.runs['council members']),
  },
  {
    name: 'council assign',
    usage: 'WS --year Y --block B --member NAME --criteria CODES [--units CODES]',
    summary: 'phân công một thành viên thẩm định các lĩnh vực, tiêu chí (mã cách nhau bởi dấu phẩy) của một khối, cho mọi đơn vị hoặc các đơn vị liệt kê',
    positionals: 1,
    flags: { year: 'number', block: 'string', member: 'string', criteria: 'string', units: 'string' },
    required: ['year', 'block', 'member', 'criteria'],
    load: () => import('./cli').then((m) => m.runs['council assign']),
  },
];
