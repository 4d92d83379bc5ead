// What the commands of this feature do; ./commands.ts describes them, and the command line
// loads this module only when one of them runs.
import { formatProblem } from '../../../shared/errors';
import { importUnitsFile } from './import';
import { withWorkspace } from '../../cli/workspace';
import { type CommandRun } from '../../cli/framework';

export const runs: Record<string, CommandRun> = {
  'units import'({ positionals: [file, source] }, io) {
    return withWorkspace(file, async (ws) => {
      const s = await importUnitsFile(ws, source);
      for (const w of s.warnings) io.err(`Cảnh báo: ${formatProblem(w)}`);
      io.err(`Đã nhập ${s.units} đơn vị từ ${s.file}: ${s.created} mới, ${s.updated} cập nhật.`);
    });
  },
};
