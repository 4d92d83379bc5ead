// The year's cycle as staff follow it: the deadlines, and each unit's state derived from the
// data (shared/cycle/status.ts), with what is missing and who is late.
import { progressGaps, unitState, type Deadlines, type UnitProgressFacts, type UnitState } from '../../../shared/cycle/status';
import { UserError } from '../../../shared/errors';
import { leaves } from '../../../shared/framework/tree';
import type { Workspace } from '../../db/workspace';
import { getFramework } from '../framework/store';
import { unitsTakingPart } from '../participation/service';
import { requirePeriod } from '../workspace/service';
import { listBlocks } from '../workspace/store';
import { auditMoments, getDeadlines, getPublication, latestNotices, petitionCounts, scoreFacts, writeDeadlines } from './store';

export type { Deadlines } from '../../../shared/cycle/status';

export function yearDeadlines(ws: Workspace, year: number): Deadlines {
  requirePeriod(ws, year);
  return getDeadlines(ws, year);
}

/**
 * Sets the deadlines given (undefined = unchanged, null = cleared). Refuses an order that
 * cannot be: the appraisal before the self-assessment, or the petitions before the appraisal.
 */
export function setDeadlines(
  ws: Workspace,
  year: number,
  change: Partial<Omit<Deadlines, 'year'>>,
  context: { actor?: string } = {},
): Deadlines {
  return ws.transaction(() => {
    requirePeriod(ws, year);
    const d = { ...getDeadlines(ws, year) };
    for (const k of ['selfDue', 'appraisalDue', 'petitionsDue'] as const) if (change[k] !== undefined) d[k] = change[k];
    const order: [keyof Deadlines, string][] = [
      ['selfDue', 'hạn nộp tự chấm'],
      ['appraisalDue', 'hạn thẩm định'],
      ['petitionsDue', 'hạn kiến nghị'],
    ];
    for (let i = 0; i < order.length; i++) {
      for (let j = i + 1; j < order.length; j++) {
        const a = d[order[i][0]] as string | null;
        const b = d[order[j][0]] as string | null;
        if (a && b && b < a) {
          throw new UserError(`Năm ${year}: ${order[j][1]} không thể trước ${order[i][1]}; hãy kiểm tra lại các ngày.`);
        }
      }
    }
    writeDeadlines(ws, d, new Date().toISOString(), context.actor ?? ws.actor);
    return d;
  });
}

export interface UnitProgress extends UnitProgressFacts {
  code: string;
  name: string;
  block: string;
  blockName: string;
  state: UnitState;
  late: boolean;
  /** what is still missing, in words */
  missing: string[];
  /** why the unit counts as late, in words */
  lateReasons: string[];
}

export interface YearStatus {
  year: number;
  deadlines: Deadlines;
  published: { decision: string; decisionDate: string; forced: boolean } | null;
  blocks: { code: string; name: string }[];
  units: UnitProgress[];
}

/** Every unit taking part in `year`, with its state and its gaps at `now` (ISO). */
export function yearStatus(ws: Workspace, year: number, now = new Date().toISOString()): YearStatus {
  return ws.snapshot(() => {
    requirePeriod(ws, year);
    const deadlines = getDeadlines(ws, year);
    const publication = getPublication(ws, year);
    const scores = scoreFacts(ws, year);
    const moments = auditMoments(ws, year);
    const notices = latestNotices(ws, year);
    const petitions = petitionCounts(ws, year);
    const blocks = listBlocks(ws).filter((b) => getFramework(ws, year, b.code) !== null);
    const units: UnitProgress[] = [];
    for (const block of blocks) {
      const framework = getFramework(ws, year, block.code)!;
      const scored = leaves(framework.nodes).filter((n) => n.source === 'self').map((n) => n.code);
      for (const unit of unitsTakingPart(ws, year, block.code)) {
        const s = scores.get(unit.code);
        const applicable = scored.filter((c) => !s?.notApplicable.has(c));
        const facts: UnitProgressFacts = {
          leaves: applicable.length,
          selfScored: s ? applicable.filter((c) => s.self.has(c)).length : 0,
          appraised: s ? applicable.filter((c) => s.appraised.has(c)).length : 0,
          submittedAt: moments.get(unit.code)?.firstSelf ?? null,
          lastAppraisalAt: moments.get(unit.code)?.lastAppraisal ?? null,
          noticeAt: notices.get(unit.code) ?? null,
          petitionsPending: petitions.get(unit.code)?.pending ?? 0,
          petitionsDecided: petitions.get(unit.code)?.decided ?? 0,
          published: publication !== null,
        };
        const gaps = progressGaps(facts, deadlines, now);
        units.push({
          ...facts,
          code: unit.code,
          name: unit.name,
          block: block.code,
          blockName: block.name,
          state: unitState(facts),
          late: gaps.late.length > 0,
          missing: gaps.missing,
          lateReasons: gaps.late,
        });
      }
    }
    return {
      year,
      deadlines,
      published: publication && { decision: publication.decision, decisionDate: publication.decisionDate, forced: publication.forced },
      blocks: blocks.map((b) => ({ code: b.code, name: b.name })),
      units,
    };
  });
}

/** `status --json` as the command line prints it. */
export function statusJson(status: YearStatus) {
  return {
    year: status.year,
    units: status.units.map((u) => ({
      code: u.code,
      name: u.name,
      block: u.block,
      state: u.state,
      appraised: u.appraised,
      leaves: u.leaves,
      petitionsPending: u.petitionsPending,
      late: u.late,
    })),
  };
}
