// Score changes: each checked against its leaf (range, method, source), written in one
// transaction with an audit entry for every changed field.
import { emptyScore, type CriterionNode, type Unit } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import { scoreValueProblem } from '../../../shared/appraisal/score-rules';
import { leafCodes } from '../../../shared/framework/tree';
import type { Workspace } from '../../db/workspace';
import { criterionIds, getFramework } from '../framework/store';
import { listUnits } from '../units/store';
import { requireOpenPeriod } from '../workspace/service';
import { ScoreWriter, scoreOf, type ScorePatch } from './store';

export type { ScorePatch } from './store';

export interface ScoreChange {
  unitCode: string;
  criterionCode: string;
  patch: ScorePatch;
}

export interface ChangeContext {
  /** who made the change; defaults to the workspace's actor */
  actor?: string;
  /** what made it: 'import', 'appraisal', 'survey', 'undo', … */
  source: string;
  reason?: string | null;
  /** when the change was made (ISO 8601), for data entered after the fact; defaults to now */
  at?: string;
}

/** Fields whose changes go to the audit log (bookkeeping flags do not). */
const AUDITED_FIELDS: ReadonlySet<keyof ScorePatch> = new Set([
  'selfScore',
  'appraisedScore',
  'appraisalRound',
  'notApplicable',
  'reportedValue',
  'evidence',
  'explanation',
  'note',
]);

export function auditValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

/**
 * Applies score changes in one transaction, each checked against its leaf (range, method,
 * source), and records every changed field in the audit log. All or nothing: the first
 * bad change throws and nothing is written. Returns the number of changed fields.
 */
export function applyScoreChanges(ws: Workspace, year: number, changes: ScoreChange[], context: ChangeContext): number {
  ws.changedYear(year);
  return ws.transaction(() => {
    requireOpenPeriod(ws, year);
    const at = context.at ?? new Date().toISOString();
    const actor = context.actor ?? ws.actor;
    const units = new Map<string, Unit>(listUnits(ws).map((u) => [u.code, u]));
    const leafCache = new Map<string, Map<string, { id: number; node: CriterionNode }>>();
    const leafIndex = (blockCode: string) => {
      let m = leafCache.get(blockCode);
      if (!m) {
        m = new Map();
        const fw = getFramework(ws, year, blockCode);
        if (fw) {
          const leafSet = leafCodes(fw.nodes);
          const ids = criterionIds(ws, year, blockCode);
          for (const n of fw.nodes) if (leafSet.has(n.code)) m.set(n.code, { id: ids.get(n.code)!, node: n });
        }
        leafCache.set(blockCode, m);
      }
      return m;
    };
    const writer = new ScoreWriter(ws);
    let changed = 0;
    for (const change of changes) {
      const unit = units.get(change.unitCode);
      if (!unit) throw new UserError(`Không có đơn vị mã "${change.unitCode}" trong tệp dữ liệu.`);
      const leaf = leafIndex(unit.blockCode).get(change.criterionCode);
      if (!leaf) {
        throw new UserError(`Bộ chỉ số năm ${year} của ${unit.name} không có tiêu chí được chấm mã "${change.criterionCode}".`);
      }
      for (const kind of ['selfScore', 'appraisedScore'] as const) {
        const v = change.patch[kind];
        if (v === undefined || v === null) continue;
        const problem = scoreValueProblem(leaf.node, v, kind === 'selfScore' ? 'self' : 'appraised');
        if (problem) throw new UserError(`${unit.name}, ${problem}`);
      }
      const stored = scoreOf(ws, unit.code, leaf.id, leaf.node.code);
      const before = stored ?? emptyScore(unit.code, leaf.node.code);
      const fields = (Object.keys(change.patch) as (keyof ScorePatch)[]).filter(
        (k) => change.patch[k] !== undefined && auditValue(change.patch[k]) !== auditValue(before[k]),
      );
      if (fields.length === 0) continue;
      writer.write(unit.code, leaf.id, stored !== null, change.patch, fields, at);
      for (const f of fields) {
        if (!AUDITED_FIELDS.has(f)) continue;
        writer.record({
          at,
          actor,
          year,
          unitCode: unit.code,
          criterionCode: leaf.node.code,
          field: f,
          oldValue: auditValue(before[f]),
          newValue: auditValue(change.patch[f]),
          reason: context.reason ?? null,
          source: context.source,
        });
        changed++;
      }
    }
    return changed;
  });
}
