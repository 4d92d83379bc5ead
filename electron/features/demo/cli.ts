// What the commands of this feature do; ./commands.ts describes them, and the command line
// loads this module only when one of them runs.
import { createDemoWorkspace, DEMO_LABEL, DEMO_PROVINCE } from './index';
import { formatNumber } from '../../../shared/format';
import { type CommandRun } from '../../cli/framework';

export const runs: Record<string, CommandRun> = {
  'demo'({ positionals: [file] }, io) {
    const summary = createDemoWorkspace(file);
    io.err(
      `Đã tạo tệp ${DEMO_LABEL.toLowerCase()} ${file} (${DEMO_LABEL} – ${DEMO_PROVINCE}): ` +
        `các năm ${summary.years.join(', ')}, ${formatNumber(summary.units)} đơn vị, ` +
        `${formatNumber(summary.scores)} dòng điểm, ${formatNumber(summary.auditEntries)} lượt ghi nhật ký.`,
    );
  },
};
