// The commands of this feature as the command line lists them; what they do loads on use.
import type { CommandSpec } from '../../cli/framework';

export const commands: CommandSpec[] = [
  {
    name: 'national import',
    usage: 'WS --year Y FILE [--ours NAME] [--max "I=10;II=10;…"]',
    summary: 'nhập bảng Chỉ số CCHC (và SIPAS) các tỉnh, thành phố do Bộ Nội vụ công bố; --ours: tên tỉnh mình trong bảng',
    positionals: 2,
    flags: { year: 'number', ours: 'string', max: 'string' },
    required: ['year'],
    load: () => import('./cli').then((m) => m.runs['national import']),
  },
  {
    name: 'national lineage',
    usage: 'WS --year Y [--province NAME --from "A;B"]',
    summary: 'khai báo tỉnh, thành phố của năm Y được hợp nhất từ các tỉnh của bảng năm trước (--from "" để bỏ); không có --province: liệt kê',
    positionals: 1,
    flags: { year: 'number', province: 'string', from: 'string' },
    required: ['year'],
    load: () => import('./cli').then((m) => m.runs['national lineage']),
  },
  {
    name: 'analysis',
    usage: 'WS --year Y (--national | --block B | --unit CODE) [--json]',
    summary: 'phân tích kết quả: chỉ số, xếp hạng, thay đổi so với năm trước, lĩnh vực tăng giảm (cả nước, một khối hoặc một đơn vị)',
    positionals: 1,
    flags: { year: 'number', national: 'boolean', block: 'string', unit: 'string', json: 'boolean' },
    required: ['year'],
    load: () => import('./cli').then((m) => m.runs['analysis']),
  },
  {
    name: 'report',
    usage: 'WS --year Y --out FILE.docx',
    summary: 'soạn báo cáo phân tích kết quả Chỉ số CCHC và SIPAS của năm (Word, theo Nghị định 30/2020/NĐ-CP)',
    positionals: 1,
    flags: { year: 'number', out: 'string', chromium: 'string' },
    required: ['year', 'out'],
    load: () => import('./cli').then((m) => m.runs['report']),
  },
  {
    name: 'annex',
    usage: 'WS --year Y --out FILE.docx [--decision "123/QĐ-UBND ngày 15/3/2026"]',
    summary: 'soạn phụ lục kèm theo Quyết định công bố: bảng xếp hạng từng khối với chỉ số từng lĩnh vực (Word)',
    positionals: 1,
    flags: { year: 'number', out: 'string', decision: 'string' },
    required: ['year', 'out'],
    load: () => import('./cli').then((m) => m.runs['annex']),
  },
];
