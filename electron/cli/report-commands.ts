import path from 'node:path';
import { exportSummaryWorkbook } from '../services/excel/summary';
import { printScorecards, type ScorecardSelection } from '../services/print/scorecards';
import { type Command, type ParsedArgs, UsageError, flagString, flagYear } from './framework';
import { withWorkspace } from './workspace-commands';

const SCORECARDS_USAGE = 'WS --year Y (--unit CODE | --block B | --all) --out DIR [--combined] [--chromium PATH]';

function selectionOf(args: ParsedArgs): ScorecardSelection {
  const unitCode = flagString(args, 'unit');
  const blockCode = flagString(args, 'block');
  const all = args.flags.all === true;
  const given = [unitCode !== undefined, blockCode !== undefined, all].filter(Boolean).length;
  if (given !== 1) {
    throw new UsageError(`Chọn đúng một trong --unit, --block, --all. Cách dùng: par-workbench scorecards ${SCORECARDS_USAGE}`);
  }
  if (unitCode !== undefined) return { unitCode };
  if (blockCode !== undefined) return { blockCode };
  return { all: true };
}

export const reportCommands: Command[] = [
  {
    name: 'scorecards',
    usage: SCORECARDS_USAGE,
    summary: 'in phiếu kết quả Chỉ số CCHC (PDF khổ A4) của một đơn vị, một khối hoặc tất cả',
    positionals: 1,
    flags: { year: 'number', unit: 'string', block: 'string', all: 'boolean', out: 'string', combined: 'boolean', chromium: 'string' },
    required: ['year', 'out'],
    run(args, io) {
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
  },
  {
    name: 'export',
    usage: 'WS --year Y --out FILE.xlsx',
    summary: 'xuất bảng tổng hợp Excel: xếp hạng, chỉ số thành phần, so sánh năm trước, điểm bị mất',
    positionals: 1,
    flags: { year: 'number', out: 'string' },
    required: ['year', 'out'],
    run(args, io) {
      const year = flagYear(args);
      const file = flagString(args, 'out')!;
      return withWorkspace(args.positionals[0], async (ws) => {
        const { sheets } = await exportSummaryWorkbook(ws, year, file);
        io.out(file);
        io.err(`Đã xuất bảng tổng hợp năm ${year} (${sheets.length} trang tính) vào ${file}.`);
      });
    },
  },
];
