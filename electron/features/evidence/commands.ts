// The commands of this feature as the command line lists them; what they do loads on use.
import type { CommandSpec } from '../../cli/framework';

export const commands: CommandSpec[] = [
  {
    name: 'evidence import',
    usage: 'WS --year Y PATH [--unit CODE] [--json]',
    summary:
      'nhập tài liệu kiểm chứng của một đơn vị từ một thư mục hoặc tệp .zip (đơn vị lấy từ tên, ví dụ SNV-2025.zip), hoặc một thư mục biểu mẫu kèm tài liệu bên cạnh',
    positionals: 2,
    flags: { year: 'number', unit: 'string', json: 'boolean' },
    required: ['year'],
    load: () => import('./cli').then((m) => m.runs['evidence import']),
  },
  {
    name: 'evidence list',
    usage: 'WS --year Y [--unit CODE] [--missing] [--json]',
    summary: 'tài liệu kiểm chứng đã nhận; --missing: các tiêu chí có điểm nhưng thiếu tài liệu kiểm chứng',
    positionals: 1,
    flags: { year: 'number', unit: 'string', missing: 'boolean', json: 'boolean' },
    required: ['year'],
    load: () => import('./cli').then((m) => m.runs['evidence list']),
  },
  {
    name: 'evidence export',
    usage: 'WS --year Y --unit CODE --out DIR',
    summary: 'chép tài liệu kiểm chứng của một đơn vị ra thư mục, mỗi tiêu chí một thư mục con',
    positionals: 1,
    flags: { year: 'number', unit: 'string', out: 'string' },
    required: ['year', 'unit', 'out'],
    load: () => import('./cli').then((m) => m.runs['evidence export']),
  },
];
