// Kiến nghị: the petitions of a year and their decisions.
import type { Handlers } from '../../../shared/contract';
import type { petitionsContract } from '../../../shared/petitions/channels';
import { withExtension } from '../../files/output';
import { requirePeriod } from '../workspace/service';
import type { HandlerContext } from '../context';
import { decidePetition, petitionViews } from './service';

export function petitionsHandlers(context: HandlerContext): Pick<Handlers, keyof typeof petitionsContract> {
  return {
    'petitions:list': ({ year }) => petitionViews(context.workspace(), year),
    'petitions:decide': ({ year, unitCode, criterionCode, decision, score, reason }) => {
      decidePetition(context.workspace(), { year, unitCode, criterionCode, decision, score, reason }, context.userName());
      return { decided: true as const };
    },
    'petitions:writeNotices': async ({ year }) => {
      requirePeriod(context.workspace(), year);
      const folder = await context.pickOne('notices-folder');
      if (!folder) return { cancelled: true as const };
      const { writeNotices } = await import('./notices');
      const written = await writeNotices(context.workspace(), year, folder, { actor: context.userName() });
      return { cancelled: false as const, value: { folder, notices: written.map((n) => ({ unitCode: n.unitCode, unitName: n.unitName, file: n.file, open: n.open })) } };
    },
    'petitions:import': async ({ year }) => {
      const files = await context.pickMany('petitions-returned');
      if (!files) return { cancelled: true as const };
      const { importPetitions } = await import('./import');
      return { cancelled: false as const, value: await importPetitions(context.workspace(), files, { expectedYear: year, actor: context.userName() }) };
    },
    'petitions:exportDecisions': async ({ year }) => {
      requirePeriod(context.workspace(), year);
      const picked = await context.pickOne('petition-decisions', `Kien-nghi-${year}.xlsx`);
      if (!picked) return { cancelled: true as const };
      const file = withExtension(picked, '.xlsx');
      const { writeDecisionsSheet } = await import('./decisions-sheet');
      const petitions = await writeDecisionsSheet(context.workspace(), year, file);
      return { cancelled: false as const, value: { file, petitions } };
    },
  };
}
