// The commands of this feature as the command line lists them; what they do loads on use.
import type { CommandSpec } from '../../cli/framework';

export const commands: CommandSpec[] = [
  {
    name: 'publish',
    usage: 'WS --year Y --decision TEXT --date dd/mm/yyyy [--force]',
    summary: 'công bố kết quả một năm theo Quyết định (số/ký hiệu, ngày) và khóa kỳ đánh giá; từ chối khi còn kiến nghị chưa xử lý hoặc tiêu chí chưa thẩm định, trừ khi --force',
    positionals: 1,
    flags: { year: 'number', decision: 'string', date: 'string', force: 'boolean' },
    required: ['year', 'decision', 'date'],
    load: () => import('./cli').then((m) => m.runs['publish']),
  },
  {
    name: 'unpublish',
    usage: 'WS --year Y --reason TEXT',
    summary: 'hủy công bố, mở lại kỳ đánh giá của một năm (ghi lý do vào lịch sử)',
    positionals: 1,
    flags: { year: 'number', reason: 'string' },
    required: ['year', 'reason'],
    load: () => import('./cli').then((m) => m.runs['unpublish']),
  },
];
