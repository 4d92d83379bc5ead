// Kết quả's documents: the analysis report and the decision annex, saved where the person picks.
import type { Handlers } from '../../../shared/contract';
import type { analysisContract } from '../../../shared/analysis/channels';
import { withExtension } from '../../files/output';
import type { HandlerContext } from '../context';
import { requirePeriod } from '../workspace/service';

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
  };
}
