// Kết quả's documents (the analysis report and the decision annex, saved where the person
// picks) and the national tables: imported from a picked file, listed with our province's place.
import type { Handlers } from '../../../shared/contract';
import type { analysisContract } from '../../../shared/analysis/channels';
import { withExtension } from '../../files/output';
import type { HandlerContext } from '../context';
import { requirePeriod } from '../workspace/service';
import { nationalPosition, ourProvinceName } from './service';
import { nationalRows, nationalTableMeta, nationalYears } from './store';

export function analysisHandlers(context: HandlerContext): Pick<Handlers, keyof typeof analysisContract> {
  return {
    'analysis:exportReport': async ({ year }) => {
      requirePeriod(context.workspace(), year);
      const picked = await context.pickOne('analysis-report', `Bao-cao-phan-tich-Chi-so-CCHC-${year}.docx`);
      if (!picked) return { cancelled: true };
      const file = withExtension(picked, '.docx');
      const { writeReport } = await import('./documents/report');
      await writeReport(context.workspace(), year, file);
      return { cancelled: false, value: { file } };
    },

    'analysis:exportAnnex': async ({ year }) => {
      requirePeriod(context.workspace(), year);
      const picked = await context.pickOne('analysis-annex', `Phu-luc-xep-hang-Chi-so-CCHC-${year}.docx`);
      if (!picked) return { cancelled: true };
      const file = withExtension(picked, '.docx');
      const { writeAnnex } = await import('./documents/annex');
      const { blocks } = await writeAnnex(context.workspace(), year, file);
      return { cancelled: false, value: { file, blocks } };
    },

    'analysis:nationalTables': () => {
      const ws = context.workspace();
      return {
        ours: ourProvinceName(ws),
        years: nationalYears(ws).map((y) => {
          const meta = nationalTableMeta(ws, y)!;
          const position = nationalPosition(ws, y)!;
          const unit = position.ours ? position.par.units.find((u) => u.code === position.ours) : undefined;
          return {
            year: y,
            fileName: meta.fileName,
            provinces: nationalRows(ws, y).length,
            ours: unit
              ? { name: unit.name, index: unit.index, rank: unit.rank, previousYear: unit.previous?.year ?? null, deltaIndex: unit.deltaIndex, deltaRank: unit.deltaRank }
              : null,
            warnings: meta.warnings.length,
          };
        }),
      };
    },

    'analysis:importNational': async ({ year, ours }) => {
      const file = await context.pickOne('national-table');
      if (!file) return { cancelled: true };
      const { importNationalFile } = await import('./national-import');
      const s = await importNationalFile(context.workspace(), year, file, { ours: ours || undefined });
      return { cancelled: false, value: { year: s.year, provinces: s.provinces, ours: s.ours, warnings: s.warnings, lineageQuestions: s.lineageQuestions } };
    },
  };
}
