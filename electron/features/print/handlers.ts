// The printed outputs of a year from the window: scorecards printed into a folder with
// progress the window polls, and the summary workbook. Printing and Excel load on first use.
import type { Handlers } from '../../../shared/contract';
import { UserError } from '../../../shared/errors';
import type { PrintProgressOutput, printContract, ScorecardSelectionInput } from '../../../shared/print/channels';
import type { Workspace } from '../../db/workspace';
import { withExtension } from '../../files/output';
import type { HandlerContext } from '../context';
import { yearResults } from '../results/service';
import { requirePeriod } from '../workspace/service';

type PrintChannel = keyof typeof printContract;

/** How many scorecards a selection prints, before the first one is drawn. */
function selectionSize(ws: Workspace, year: number, selection: ScorecardSelectionInput): number {
  if ('unitCode' in selection) return 1;
  const blocks = yearResults(ws, year).blocks;
  if ('blockCode' in selection) return blocks.find((b) => b.code === selection.blockCode)?.units.length ?? 0;
  return blocks.reduce((n, b) => n + b.units.length, 0);
}

export function printHandlers(context: HandlerContext): Pick<Handlers, PrintChannel> {
  const { workspace: ws, pickOne } = context;
  const progress: PrintProgressOutput = { running: false, done: 0, total: 0, unitName: null };

  return {
    'reports:printScorecards': async ({ year, selection, combined }) => {
      if (progress.running) throw new UserError('Đang in phiếu kết quả; hãy chờ lượt in này xong rồi in tiếp.');
      const w = ws();
      const total = selectionSize(w, year, selection);
      const folder = await pickOne('scorecards-folder');
      if (!folder) return { cancelled: true };
      Object.assign(progress, { running: true, done: 0, total, unitName: null });
      try {
        const { printScorecards } = await import('./scorecards');
        const printer = await context.openPrinter();
        try {
          const printed = await printScorecards(w, {
            year,
            selection,
            outDir: folder,
            combined,
            printer,
            onProgress: (p) => Object.assign(progress, { done: p.done, total: p.total, unitName: p.unitName }),
          });
          return { cancelled: false, value: { folder, ...printed } };
        } finally {
          await printer.close();
        }
      } finally {
        progress.running = false;
      }
    },

    'reports:printProgress': () => ({ ...progress }),

    'reports:exportSummary': async ({ year }) => {
      requirePeriod(ws(), year);
      const picked = await pickOne('summary-workbook', `Tong-hop-Chi-so-CCHC-${year}.xlsx`);
      if (!picked) return { cancelled: true };
      const file = withExtension(picked, '.xlsx');
      const { exportSummaryWorkbook } = await import('./summary');
      const { sheets } = await exportSummaryWorkbook(ws(), year, file);
      return { cancelled: false, value: { file, sheets } };
    },
  };
}
