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
  {
    name: 'council packages',
    usage: 'WS --year Y --out DIR',
    summary: 'lập hồ sơ thẩm định (.xlsx) cho từng thành viên hội đồng đã được phân công',
    positionals: 1,
    flags: { year: 'number', out: 'string' },
    required: ['year', 'out'],
    load: () => import('./cli').then((m) => m.runs['council packages']),
  },
  {
    name: 'council import',
    usage: 'WS FILE_OR_FOLDER... [--prefer package] [--json]',
    summary: 'nhận lại hồ sơ thẩm định của các thành viên: điểm thẩm định và ý kiến, với các ô đã bị sửa sau khi lập hồ sơ báo là xung đột',
    positionals: 2,
    variadic: true,
    flags: { prefer: 'string', json: 'boolean' },
    load: () => import('./cli').then((m) => m.runs['council import']),
  },
];
