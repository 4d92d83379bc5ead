import { createDemoWorkspace, DEMO_LABEL, DEMO_PROVINCE } from './index';
import { formatNumber } from '../../../shared/format';
import type { Command } from '../../cli/framework';

export const demoCommands: Command[] = [
  {
    name: 'demo',
    usage: 'WS',
    summary: `tạo tệp dữ liệu mẫu (${DEMO_PROVINCE}, 2023–2025; không ghi đè tệp đã có)`,
    positionals: 1,
    run({ positionals: [file] }, io) {
      const summary = createDemoWorkspace(file);
      io.err(
        `Đã tạo tệp ${DEMO_LABEL.toLowerCase()} ${file} (${DEMO_LABEL} – ${DEMO_PROVINCE}): ` +
          `các năm ${summary.years.join(', ')}, ${formatNumber(summary.units)} đơn vị, ` +
          `${formatNumber(summary.scores)} dòng điểm, ${formatNumber(summary.auditEntries)} lượt ghi nhật ký.`,
      );
    },
  },
];
