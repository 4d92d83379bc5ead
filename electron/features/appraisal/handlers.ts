// Thẩm định: a block's grid (frameworks, units taking part, scores, settings, results),
// score changes saved at once with their audit, and a cell's history.
import type { appraisalContract } from '../../../shared/appraisal/channels';
import type { Handlers } from '../../../shared/contract';
import type { HandlerContext } from '../context';
import { requireFramework } from '../framework/service';
import { unitsTakingPart } from '../participation/service';
import { yearResults } from '../results/service';
import { getBlockSettings } from '../results/store';
import { requirePeriod } from '../workspace/service';
import { applyScoreChanges } from './service';
import { getAudit, getScores } from './store';

export function appraisalHandlers(context: HandlerContext): Pick<Handlers, keyof typeof appraisalContract> {
  const ws = () => context.workspace();
  return {
    'appraisal:block': ({ year, blockCode }) => {
      const w = ws();
      const period = requirePeriod(w, year);
      const framework = requireFramework(w, year, blockCode);
      return {
        year,
        locked: period.locked,
        blockCode,
        nodes: framework.nodes,
        units: unitsTakingPart(w, year, blockCode),
        scores: getScores(w, year, { blockCode }),
        settings: getBlockSettings(w, year, blockCode),
        results: yearResults(w, year),
      };
    },

    'scores:apply': ({ year, changes, source, reason }) => ({ changed: applyScoreChanges(ws(), year, changes, { source, reason }) }),

    'scores:template': async ({ year, blockCode }) => {
      const file = await context.pickOne('scores-template', `Bang-diem-${year}.xlsx`);
      if (!file) return { cancelled: true };
      const { writeScoresTemplate } = await import('./scores-template');
      const { rows } = await writeScoresTemplate(ws(), year, blockCode, file);
      return { cancelled: false, value: { file, rows } };
    },

    'scores:import': async ({ year }) => {
      const file = await context.pickOne('import-scores');
      if (!file) return { cancelled: true };
      const { importScoresFile } = await import('./scores-import');
      const s = await importScoresFile(ws(), year, file, context.userName());
      return { cancelled: false, value: { file: s.file, rows: s.rows, units: s.units, changedFields: s.changedFields } };
    },

    'scores:history': ({ year, unitCode, criterionCode }) => getAudit(ws(), year, { unitCode, criterionCode }),
  };
}
