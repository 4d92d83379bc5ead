// The commands of this feature as the command line lists them; what they do loads on use.
import type { CommandSpec } from '../../cli/framework';

export const commands: CommandSpec[] = [
  {
    name: 'template',
    usage: 'WS --year Y (--unit CODE | --all) --out PATH [--deadline dd/mm/yyyy]',
    summary: 'tạo biểu tự đánh giá (.xlsx) cho một đơn vị, hoặc cho mọi đơn vị của năm vào một thư mục',
    positionals: 1,
    flags: { year: 'number', unit: 'string', all: 'boolean', out: 'string', deadline: 'string' },
    required: ['year', 'out'],
    load: () => import('./cli').then((m) => m.runs['template']),
  },
  {
    name: 'import',
    usage: 'WS FILE_OR_FOLDER... [--year Y] [--report REPORT.xlsx] [--json]',
    summary: 'nhập biểu tự đánh giá đơn vị gửi về (đơn vị và năm đọc từ biểu); mỗi tệp nhập trọn vẹn hoặc không nhập',
    positionals: 2,
    variadic: true,
    flags: { json: 'boolean', year: 'number', report: 'string' },
    load: () => import('./cli').then((m) => m.runs['import']),
  },
  {
    name: 'submissions',
    usage: 'WS --year Y [--unit CODE] [--json]',
    summary: 'các lần nộp biểu tự đánh giá: đơn vị nào, tệp nào, khi nào, lần thứ mấy',
    positionals: 1,
    flags: { year: 'number', unit: 'string', json: 'boolean' },
    required: ['year'],
    load: () => import('./cli').then((m) => m.runs['submissions']),
  },
];
