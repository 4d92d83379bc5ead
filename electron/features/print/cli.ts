// What the commands of this feature do; ./commands.ts describes them, and the command line
// loads this module only when one of them runs.
import path from 'node:path';
import { exportSummaryWorkbook } from './summary';
import { printScorecards, type ScorecardSelection } from './scorecards';
import { withWorkspace } from '../../cli/workspace';
import { type CommandRun, type ParsedArgs, UsageError, flagString, flagYear } from '../../cli/framework';

function selectionOf(args: ParsedArgs): ScorecardSelection {
  const unitCode = flagString(args, 'unit');
  const blockCode = flagString(args, 'block');
  const all = args.flags.all === true;
  const given = [unitCode !== undefined, blockCode !== undefined, all].filter(Boolean).length;
  if (given !== 1) {
    throw new UsageError('Chọn đúng một trong --unit, --block, --all.');
  }
  if (unitCode !== undefined) return { unitCode };
  if (blockCode !== undefined) return { blockCode };
  return { all: true };
}

export const runs: Record<string, CommandRun> = {
  'scorecards'(args, io) {
    const year = flagYear(args);
    const selection = selectionOf(args);
    const outDir = flagString(args, 'out')!;
    return withWorkspace(args.positionals[0], async (ws) => {
      const printed = await printScorecards(ws, {
        year,
        selection,
        outDir,
        combined: args.flags.combined === true,
        chromiumPath: flagString(args, 'chromium'),
        onProgress: (p) => io.err(`[${p.done}/${p.total}] ${p.unitName}`),
      });
      const pages = Object.values(printed.pages).reduce((s, n) => s + n, 0);
      for (const file of printed.files) io.out(file);
      io.err(
        `Đã in ${printed.units} phiếu kết quả (${pages} trang) vào ${printed.files.length === 1 ? path.basename(printed.files[0]) : `${printed.files.length} tệp PDF`} trong thư mục ${outDir}.`,
      );
    });
  },

  'export'(args, io) {
    const year = flagYear(args);
    const file = flagString(args, 'out')!;
    return withWorkspace(args.positionals[0], async (ws) => {
      const { sheets } = await exportSummaryWorkbook(ws, year, file);
      io.out(file);
      io.err(`Đã xuất bảng tổng hợp năm ${year} (${sheets.length} trang tính) vào ${file}.`);
    });
  },
};
