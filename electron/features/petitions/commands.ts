// The commands of this feature as the command line lists them; what they do loads on use.
import type { CommandSpec } from '../../cli/framework';

export const commands: CommandSpec[] = [
  {
    name: 'notices',
    usage: 'WS --year Y (--unit CODE | --all) --out PATH [--pdf]',
    summary: 'lập thông báo kết quả thẩm định sơ bộ (.xlsx) cho một đơn vị hoặc mọi đơn vị đã nộp bản tự chấm, để đơn vị giải trình, kiến nghị',
    positionals: 1,
    flags: { year: 'number', unit: 'string', all: 'boolean', out: 'string', pdf: 'boolean' },
    required: ['year', 'out'],
    load: () => import('./cli').then((m) => m.runs['notices']),
  },
  {
    name: 'petitions import',
    usage: 'WS FILE_OR_FOLDER... [--json]',
    summary: 'nhận lại thông báo có ý kiến giải trình, kiến nghị của đơn vị; kiến nghị quá hạn được ghi nhận và đánh dấu',
    positionals: 2,
    variadic: true,
    flags: { json: 'boolean' },
    load: () => import('./cli').then((m) => m.runs['petitions import']),
  },
  {
    name: 'petitions',
    usage: 'WS --year Y [--unit CODE] [--json]',
    summary: 'các kiến nghị của năm: điểm tự chấm, điểm thẩm định, nội dung, quá hạn, quyết định',
    positionals: 1,
    flags: { year: 'number', unit: 'string', json: 'boolean' },
    required: ['year'],
    load: () => import('./cli').then((m) => m.runs['petitions']),
  },
  {
    name: 'petitions decide',
    usage: 'WS --year Y --unit CODE --criterion C (--accept SCORE | --keep) --reason TEXT',
    summary: 'quyết định một kiến nghị: chấp nhận với điểm thẩm định mới, hoặc giữ nguyên điểm, kèm lý do',
    positionals: 1,
    flags: { year: 'number', unit: 'string', criterion: 'string', accept: 'string', keep: 'boolean', reason: 'string' },
    required: ['year', 'unit', 'criterion', 'reason'],
    load: () => import('./cli').then((m) => m.runs['petitions decide']),
  },
];
