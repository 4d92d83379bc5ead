// The commands of this feature as the command line lists them; what they do loads on use.
import type { CommandSpec } from '../../cli/framework';

export const commands: CommandSpec[] = [
  {
    name: 'framework import',
    usage: 'WS --year Y --block B FILE',
    summary: 'nhập bộ chỉ số của một khối trong một năm (tạo năm nếu chưa có)',
    positionals: 2,
    flags: { year: 'number', block: 'string' },
    required: ['year', 'block'],
    load: () => import('./cli').then((m) => m.runs['framework import']),
  },
  {
    name: 'framework export',
    usage: 'WS --year Y --block B FILE',
    summary: 'xuất bộ chỉ số ra tệp .xlsx hoặc .csv (nhập lại được)',
    positionals: 2,
    flags: { year: 'number', block: 'string' },
    required: ['year', 'block'],
    load: () => import('./cli').then((m) => m.runs['framework export']),
  },
  {
    name: 'framework clone',
    usage: 'WS --from Y1 --to Y2 [--block B]',
    summary: 'sao chép bộ chỉ số (và mức xếp loại) của năm Y1 sang năm Y2',
    positionals: 1,
    flags: { from: 'number', to: 'number', block: 'string' },
    required: ['from', 'to'],
    load: () => import('./cli').then((m) => m.runs['framework clone']),
  },
];
