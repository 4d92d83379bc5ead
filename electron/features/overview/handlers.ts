// Tổng quan: where each block of a year stands (units taking part, forms received,
// appraised, average, claimed points lacking evidence) and the latest changes, grouped as they were made.
import { getDeadlines } from '../cycle/store';
import type { ChannelOutput, Handlers } from '../../../shared/contract';
import type { AuditEntry } from '../../../shared/domain';
import { leafCodes } from '../../../shared/framework/tree';
import type { overviewContract } from '../../../shared/overview/channels';
import type { HandlerContext } from '../context';
import { getAudit, getScores } from '../appraisal/store';
import { missingEvidence } from '../evidence/service';
import { getFramework } from '../framework/store';
import { unitsTakingPart } from '../participation/service';
import { yearResults } from '../results/service';
import { requirePeriod } from '../workspace/service';
import { listBlocks } from '../workspace/store';
import { workspaceProvince } from '../workspace/settings';
import { getBlockSettings } from '../results/store';
import { listUnits } from '../units/store';

export function overviewHandlers(context: HandlerContext): Pick<Handlers, keyof typeof overviewContract> {
  return {
    'overview:get': ({ year }) => {
      const ws = context.workspace();
      requirePeriod(ws, year);
      const results = yearResults(ws, year);
      const missing = missingEvidence(ws, year);
      const blocks = listBlocks(ws).map((block) => {
        const framework = getFramework(ws, year, block.code);
        const scores = framework ? getScores(ws, year, { blockCode: block.code }) : [];
        const submitted = new Set(scores.filter((s) => s.selfScore !== null).map((s) => s.unitCode));
        const blockResult = results.blocks.find((b) => b.code === block.code);
        const scoredUnits = blockResult?.units ?? [];
        const taking = framework ? unitsTakingPart(ws, year, block.code) : [];
        const inBlock = new Set(taking.map((u) => u.code));
        const blockMissing = missing.filter((m) => inBlock.has(m.unit));
        return {
          blockCode: block.code,
          blockName: block.name,
          hasFramework: framework !== null,
          leafCount: framework ? leafCodes(framework.nodes).size : 0,
          units: taking.length,
          submitted: submitted.size,
          appraised: scoredUnits.filter((u) => !u.provisional).length,
          provisional: scoredUnits.filter((u) => u.provisional).length,
          average: blockResult?.average ?? null,
          missingEvidence: { leaves: blockMissing.length, units: new Set(blockMissing.map((m) => m.unit)).size },
        };
      });
      const withFramework = blocks.filter((b) => b.hasFramework);
      const due = getDeadlines(ws, year);
      const setup = {
        provinceNamed: workspaceProvince(ws) !== null,
        blocks: blocks.length,
        units: withFramework.reduce((n, b) => n + b.units, 0),
        allUnits: listUnits(ws).length,
        blocksWithoutFramework: blocks.filter((b) => !b.hasFramework).map((b) => b.blockName),
        blocksWithoutBands: withFramework.filter((b) => getBlockSettings(ws, year, b.blockCode).bands.length === 0).map((b) => b.blockName),
        submitted: blocks.reduce((n, b) => n + b.submitted, 0),
        deadlines: { self: due.selfDue !== null, appraisal: due.appraisalDue !== null, petitions: due.petitionsDue !== null },
      };
      return { year, blocks, activity: groupActivity(getAudit(ws, year, { limit: 50_000 })), setup };
    },
  };
}

/** Audit entries written together (one transaction shares its time) as one line of activity, newest first. */
export function groupActivity(entries: AuditEntry[], limit = 8): ChannelOutput<'overview:get'>['activity'] {
  const groups = new Map<string, { at: string; source: string; actor: string; units: Set<string>; changes: number }>();
  for (const e of entries) {
    const key = `${e.at}|${e.source}|${e.actor}`;
    let g = groups.get(key);
    if (!g) {
      if (groups.size >= limit) continue;
      groups.set(key, (g = { at: e.at, source: e.source, actor: e.actor, units: new Set(), changes: 0 }));
    }
    g.units.add(e.unitCode);
    g.changes++;
  }
  return [...groups.values()].map((g) => ({ at: g.at, source: g.source, actor: g.actor, units: g.units.size, changes: g.changes }));
}
