// Where a unit, or a whole block, lost points: per scored sub-criterion, the gap between
// its maximum and the points kept, and where a unit scored itself above the appraisal.
import type { CriterionNode, Framework, Score } from '../domain';
import { fieldOf, leafScore, leaves } from '../results';

/** How one applicable leaf went for one unit. */
export interface LeafLoss {
  code: string;
  title: string;
  /** the field (level-1 ancestor) the leaf counts in */
  fieldCode: string;
  method: CriterionNode['method'];
  max: number;
  /** points the leaf gives (for a deduction: the points taken away) */
  score: number;
  /** points not obtained; for a deduction leaf, the points deducted */
  lost: number;
  selfScore: number | null;
  appraisedScore: number | null;
  /** self score − appraised score when both are present and the self score is higher */
  selfAboveAppraised: number | null;
  note: string | null;
  explanation: string | null;
}

const EPSILON = 1e-9;

function clamp(value: number, max: number): number {
  return Math.min(Math.max(value, 0), max);
}

/**
 * Every applicable leaf of one unit with the points it lost, in document order. Leaves marked
 * not applicable are left out (they lower the unit's maximum instead); bonus leaves lose
 * nothing, deductions lose what they take away.
 */
export function unitLeafLosses(framework: Framework, scores: Score[], unitCode: string): LeafLoss[] {
  const byCode = new Map(scores.filter((s) => s.unitCode === unitCode).map((s) => [s.criterionCode, s]));
  const fieldCode = fieldOf(framework.nodes);
  const result: LeafLoss[] = [];
  for (const leaf of leaves(framework.nodes)) {
    const score = byCode.get(leaf.code);
    if (score?.notApplicable) continue;
    const max = leaf.maxPoints ?? 0;
    const points = clamp(leafScore(score), max);
    const lost = leaf.method === 'bonus' ? 0 : leaf.method === 'deduction' ? points : max - points;
    const self = score?.selfScore ?? null;
    const appraised = score?.appraisedScore ?? null;
    result.push({
      code: leaf.code,
      title: leaf.title,
      fieldCode: fieldCode.get(leaf.code)!,
      method: leaf.method,
      max,
      score: points,
      lost,
      selfScore: self,
      appraisedScore: appraised,
      selfAboveAppraised: self !== null && appraised !== null && self - appraised > EPSILON ? self - appraised : null,
      note: score?.note ?? null,
      explanation: score?.explanation ?? null,
    });
  }
  return result;
}

/** The `limit` leaves where the unit lost most (ties keep document order); leaves with no loss are left out. */
export function largestLosses(losses: LeafLoss[], limit: number): LeafLoss[] {
  return losses
    .map((l, order) => ({ l, order }))
    .filter(({ l }) => l.lost > EPSILON)
    .sort((a, b) => b.l.lost - a.l.lost || a.order - b.order)
    .slice(0, limit)
    .map(({ l }) => l);
}

/** Leaves where the unit's self score exceeded the appraised score, the largest gap first. */
export function selfAboveAppraised(losses: LeafLoss[]): LeafLoss[] {
  return losses
    .map((l, order) => ({ l, order }))
    .filter(({ l }) => l.selfAboveAppraised !== null)
    .sort((a, b) => b.l.selfAboveAppraised! - a.l.selfAboveAppraised! || a.order - b.order)
    .map(({ l }) => l);
}

/** Leaves whose score carries an appraisal note, in document order. */
export function appraisalNotes(losses: LeafLoss[]): LeafLoss[] {
  return losses.filter((l) => l.note !== null && l.note.trim() !== '');
}

/** One unit behind a block's loss on a leaf. */
export interface UnitLoss {
  unitCode: string;
  unitName: string;
  lost: number;
}

/** A leaf of the block's Pareto of lost points. */
export interface BlockLeafLoss {
  code: string;
  title: string;
  fieldCode: string;
  /** the leaf's maximum */
  max: number;
  /** points lost by all units together */
  lost: number;
  /** units that lost points there, the largest loss first */
  units: UnitLoss[];
  /** units for which the leaf applies */
  applicableUnits: number;
  /** share of all points the block lost, in % */
  share: number;
  /** running share in Pareto order, in % */
  cumulativeShare: number;
}

/**
 * The block's Pareto of lost points: leaves ordered by the points all `units` lost there
 * together, largest first, with each leaf's share and the running share, and the units
 * behind each. Leaves where nobody lost points are left out.
 */
export function blockLeafLosses(
  framework: Framework,
  scores: Score[],
  units: { code: string; name: string }[],
): BlockLeafLoss[] {
  const perLeaf = new Map<string, BlockLeafLoss>();
  const order = new Map<string, number>();
  for (const unit of units) {
    for (const loss of unitLeafLosses(framework, scores, unit.code)) {
      let entry = perLeaf.get(loss.code);
      if (!entry) {
        order.set(loss.code, order.size);
        entry = { code: loss.code, title: loss.title, fieldCode: loss.fieldCode, max: loss.max, lost: 0, units: [], applicableUnits: 0, share: 0, cumulativeShare: 0 };
        perLeaf.set(loss.code, entry);
      }
      entry.applicableUnits++;
      if (loss.lost > EPSILON) {
        entry.lost += loss.lost;
        entry.units.push({ unitCode: unit.code, unitName: unit.name, lost: loss.lost });
      }
    }
  }
  const list = [...perLeaf.values()]
    .filter((e) => e.lost > EPSILON)
    .sort((a, b) => b.lost - a.lost || order.get(a.code)! - order.get(b.code)!);
  const total = list.reduce((s, e) => s + e.lost, 0);
  let running = 0;
  for (const e of list) {
    e.units.sort((a, b) => b.lost - a.lost || a.unitCode.localeCompare(b.unitCode));
    running += e.lost;
    e.share = total > 0 ? (e.lost / total) * 100 : 0;
    e.cumulativeShare = total > 0 ? (running / total) * 100 : 0;
  }
  return list;
}
