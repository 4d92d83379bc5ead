// The commands of this feature as the command line lists them; what they do loads on use.
import type { CommandSpec } from '../../cli/framework';
import { DEMO_PROVINCE } from './constants';

export const commands: CommandSpec[] = [
  {
    name: 'demo',
    usage: 'WS',
    summary: `tạo tệp dữ liệu mẫu (${DEMO_PROVINCE}, 2023–2025; không ghi đè tệp đã có)`,
    positionals: 1,
    load: () => import('./cli').then((m) => m.runs['demo']),
  },
];
