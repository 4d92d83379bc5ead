// The commands of this feature as the command line lists them; what they do loads on use.
import type { CommandSpec } from '../../cli/framework';

export const commands: CommandSpec[] = [
  {
    name: 'bands',
    usage: 'WS --year Y --block B "Tốt=90;Khá=80;Trung bình=70;Yếu=0"',
    summary: 'đặt các mức xếp loại của một khối trong một năm',
    positionals: 2,
    flags: { year: 'number', block: 'string' },
    required: ['year', 'block'],
    load: () => import('./cli').then((m) => m.runs['bands']),
  },
  {
    name: 'ranking',
    usage: 'WS --year Y --block B --ties shared|ordinal',
    summary: 'cách xếp hạng khi chỉ số bằng nhau: shared = đồng hạng (1, 2, 2, 4), ordinal = liên tiếp theo chỉ số chưa làm tròn, tổng điểm, mã',
    positionals: 1,
    flags: { year: 'number', block: 'string', ties: 'string' },
    required: ['year', 'block', 'ties'],
    load: () => import('./cli').then((m) => m.runs['ranking']),
  },
  {
    name: 'results',
    usage: 'WS --year Y [--block B] [--json]',
    summary: 'tổng điểm, chỉ số, xếp hạng, xếp loại và thay đổi so với năm trước',
    positionals: 1,
    flags: { year: 'number', block: 'string', json: 'boolean' },
    required: ['year'],
    load: () => import('./cli').then((m) => m.runs['results']),
  },
  {
    name: 'published import',
    usage: 'WS --year Y --block B FILE',
    summary: 'nhập bảng kết quả đã công bố (Mã hoặc Tên đơn vị, Chỉ số, Xếp hạng, Tổng điểm) của một năm chưa có điểm, để so sánh năm sau với năm đó',
    positionals: 2,
    flags: { year: 'number', block: 'string' },
    required: ['year', 'block'],
    load: () => import('./cli').then((m) => m.runs['published import']),
  },
];
