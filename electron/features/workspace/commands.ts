// The commands of this feature as the command line lists them; what they do loads on use.
import type { CommandSpec } from '../../cli/framework';

export const commands: CommandSpec[] = [
  {
    name: 'init',
    usage: 'WS',
    summary: 'tạo tệp dữ liệu trống (không ghi đè tệp đã có)',
    positionals: 1,
    load: () => import('./cli').then((m) => m.runs['init']),
  },
  {
    name: 'backup',
    usage: 'WS FILE [--overwrite]',
    summary: 'sao lưu tệp dữ liệu (kể cả khi đang mở) sang FILE; ghi đè một tệp dữ liệu đã có chỉ khi có --overwrite',
    positionals: 2,
    flags: { overwrite: 'boolean' },
    load: () => import('./cli').then((m) => m.runs['backup']),
  },
];
