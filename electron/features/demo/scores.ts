import type { CriterionNode } from '../../../shared/domain';
import { roundTo } from '../../../shared/format';
import { fieldOf, leaves, pointsFromReportedValue } from '../../../shared/results';
import type { ScoreChange } from '../appraisal/service';
import type { DemoFramework } from './framework';
import {
  ACTORS,
  AWAITING_APPRAISAL_NOTE,
  DEDUCTION_NOTE,
  EVIDENCE_FALLBACK,
  EVIDENCE_KINDS,
  EXPLANATIONS,
  LOWERED_NOTES,
  MISSING_EVIDENCE_EXPLANATION,
  NOT_APPLICABLE_EXPLANATION,
  RAISED_NOTES,
  REAPPRAISAL_ACCEPTED,
  REAPPRAISAL_KEPT,
  REASONS,
} from './notes-data';
import { SeededRandom, seedOf } from './random';

export interface DemoParticipant {
  code: string;
  name: string;
  /** the latent share of the maximum the unit achieves this year (0..1) */
  quality: number;
  /** leaves the unit has no duty under this year, whatever the draw */
  notApplicable?: Set<string>;
  /** the unit whose appraisal is unfinished: these fields have no appraised score yet */
  pendingFields?: Set<string>;
}

/** One call of applyScoreChanges: who wrote what, and why. */
export interface DemoScoreBatch {
  actor: string;
  reason: string;
  changes: ScoreChange[];
}

interface LeafPlan {
  node: CriterionNode;
  notApplicable: boolean;
  selfScore: number | null;
  /** first-round appraised score */
  appraisedScore: number;
  reportedValue: number | null;
  evidence: string | null;
  /** the unit asked for a second look; accepted = the council gave its self score */
  reappraisal: { explanation: string; accepted: boolean } | null;
  pending: boolean;
}

const STEP = 0.25;
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const toStep = (v: number, step = STEP) => Math.round(v / step) * step;

/** The next tier's points above `points`, or null at the top. */
function nextTier(node: CriterionNode, points: number): number | null {
  const above = (node.tiers ?? []).map((t) => t.points).filter((p) => p > points + 1e-9);
  return above.length ? Math.min(...above) : null;
}

/** A reported percentage for a tiers leaf, near its top threshold. */
function reportedForTiers(node: CriterionNode, share: number, rng: SeededRandom): number {
  const top = Math.max(...(node.tiers ?? [{ min: 100, points: 0 }]).map((t) => t.min));
  const value = top - (1 - share) * (top >= 98 ? 30 : 45) + rng.gaussian(2);
  return roundTo(Math.min(100, Math.max(40, value)), 1);
}

function evidenceFor(node: CriterionNode, unitCode: string, year: number, rng: SeededRandom): string {
  const title = node.title.toLowerCase();
  const kind = EVIDENCE_KINDS.find((k) => title.includes(k.keyword)) ?? rng.pick(EVIDENCE_FALLBACK);
  const issuer = /^\d/.test(unitCode) ? 'UBND' : unitCode;
  const day = String(rng.integer(1, 28)).padStart(2, '0');
  const month = String(rng.integer(1, 11)).padStart(2, '0');
  return `${kind.name} số ${rng.integer(3, 250)}/${kind.abbreviation}-${issuer} ngày ${day}/${month}/${year}`;
}

/** Draws the appraised score (and the figure reported) of one leaf. */
function drawAppraised(node: CriterionNode, quality: number, rng: SeededRandom): { score: number; reported: number | null } {
  const max = node.maxPoints ?? 0;
  const share = clamp01(quality + rng.gaussian(0.1));
  if (node.source === 'survey') {
    const index = Math.min(99, Math.max(55, quality * 100 + 3 + rng.gaussian(3)));
    return { score: roundTo((index * max) / 100, 2), reported: null };
  }
  switch (node.method) {
    case 'yesno':
      return { score: rng.chance(clamp01(quality + 0.1)) ? max : 0, reported: null };
    case 'tiers': {
      const reported = reportedForTiers(node, share, rng);
      return { score: pointsFromReportedValue(node, reported) ?? 0, reported };
    }
    case 'ratio': {
      const reported = roundTo(Math.min(100, Math.max(20, share * 100 + rng.gaussian(4))), 1);
      return { score: roundTo(pointsFromReportedValue(node, reported) ?? 0, 2), reported };
    }
    case 'bonus':
      return { score: rng.chance(quality > 0.88 ? 0.3 : 0.06) ? rng.pick([0.5, max]) : 0, reported: null };
    case 'deduction':
      return { score: rng.chance(quality < 0.75 ? 0.4 : 0.08) ? rng.pick([0.25, 0.5]) : 0, reported: null };
    default:
      return { score: Math.min(max, toStep(share * max)), reported: null };
  }
}

/** What the unit claimed: mostly the appraised score, a little above it now and then. */
function drawSelf(node: CriterionNode, appraised: number, quality: number, rng: SeededRandom): number | null {
  if (node.source === 'survey') return null;
  const max = node.maxPoints ?? 0;
  if (node.method === 'deduction') return rng.chance(0.7) ? 0 : appraised;
  if (rng.chance(0.03) && appraised > 0 && node.method === 'free') return Math.max(0, appraised - STEP);
  if (!rng.chance(quality < 0.75 ? 0.4 : 0.22)) return appraised;
  switch (node.method) {
    case 'yesno':
      return max;
    case 'tiers':
      return nextTier(node, appraised) ?? appraised;
    case 'ratio':
      return Math.min(max, roundTo(appraised + max * rng.between(0.04, 0.15), 2));
    case 'bonus':
      return appraised > 0 ? appraised : 0.5;
    default:
      return Math.min(max, appraised + (rng.chance(0.7) ? STEP : 2 * STEP));
  }
}

function planLeaves(
  unit: DemoParticipant,
  year: number,
  blockCode: string,
  framework: DemoFramework,
): LeafPlan[] {
  const rng = new SeededRandom(seedOf(`điểm|${year}|${blockCode}|${unit.code}`));
  const field = fieldOf(framework.nodes);
  return leaves(framework.nodes).map((node) => {
    const notApplicable =
      unit.notApplicable?.has(node.code) === true ||
      (framework.mayBeNotApplicable.has(node.code) && rng.chance(0.12));
    const { score, reported } = drawAppraised(node, unit.quality, rng);
    const selfScore = drawSelf(node, score, unit.quality, rng);
    const evidenceMissing = rng.chance(0.03);
    const evidence =
      node.evidenceRequired && !evidenceMissing ? evidenceFor(node, unit.code, year, rng) : null;
    const asks = selfScore !== null && selfScore > score && rng.chance(0.25);
    return {
      node,
      notApplicable,
      selfScore,
      appraisedScore: score,
      reportedValue: reported,
      evidence,
      reappraisal: asks ? { explanation: rng.pick(EXPLANATIONS), accepted: rng.chance(0.5) } : null,
      pending: node.source === 'self' && unit.pendingFields?.has(field.get(node.code)!) === true,
    };
  });
}

function noteFor(plan: LeafPlan, rng: SeededRandom): string | null {
  if (plan.selfScore === null || plan.selfScore === plan.appraisedScore) return null;
  if (plan.node.method === 'deduction') return DEDUCTION_NOTE;
  return plan.selfScore > plan.appraisedScore ? rng.pick(LOWERED_NOTES) : rng.pick(RAISED_NOTES);
}

/**
 * The score changes of one block in one year, in the order the cycle makes them: each
 * unit's self-assessment, the council's first appraisal, the survey points, the units'
 * explanations, and the second round (phúc tra).
 */
export function scoreBatches(
  year: number,
  blockCode: string,
  framework: DemoFramework,
  units: DemoParticipant[],
): DemoScoreBatch[] {
  const plans = units.map((u) => ({ unit: u, leaves: planLeaves(u, year, blockCode, framework) }));
  const rng = new SeededRandom(seedOf(`ghi chú|${year}|${blockCode}`));
  const batches: DemoScoreBatch[] = [];

  for (const { unit, leaves: leafPlans } of plans) {
    const changes: ScoreChange[] = [];
    for (const p of leafPlans) {
      if (p.notApplicable) {
        changes.push({
          unitCode: unit.code,
          criterionCode: p.node.code,
          patch: { notApplicable: true, explanation: NOT_APPLICABLE_EXPLANATION },
        });
      } else if (p.node.source === 'self') {
        changes.push({
          unitCode: unit.code,
          criterionCode: p.node.code,
          patch: {
            selfScore: p.selfScore,
            reportedValue: p.reportedValue,
            evidence: p.evidence,
            explanation: p.node.evidenceRequired && p.evidence === null ? MISSING_EVIDENCE_EXPLANATION : null,
          },
        });
      }
    }
    batches.push({ actor: ACTORS.unit(unit.name), reason: REASONS.selfAssessment, changes });
  }

  const appraisal: ScoreChange[] = [];
  const survey: ScoreChange[] = [];
  const explanationBatches: DemoScoreBatch[] = [];
  const reappraisal: ScoreChange[] = [];
  for (const { unit, leaves: leafPlans } of plans) {
    const explanations: ScoreChange[] = [];
    for (const p of leafPlans) {
      if (p.notApplicable) continue;
      const target = { unitCode: unit.code, criterionCode: p.node.code };
      if (p.node.source === 'survey') {
        survey.push({ ...target, patch: { appraisedScore: p.appraisedScore, appraisalRound: 1 } });
        continue;
      }
      if (p.pending) {
        appraisal.push({ ...target, patch: { note: AWAITING_APPRAISAL_NOTE, needsReappraisal: true } });
        continue;
      }
      appraisal.push({
        ...target,
        patch: { appraisedScore: p.appraisedScore, appraisalRound: 1, note: noteFor(p, rng) },
      });
      if (p.reappraisal) {
        explanations.push({ ...target, patch: { explanation: p.reappraisal.explanation } });
        reappraisal.push({
          ...target,
          patch: p.reappraisal.accepted
            ? { appraisedScore: p.selfScore, appraisalRound: 2, note: REAPPRAISAL_ACCEPTED }
            : { appraisalRound: 2, note: REAPPRAISAL_KEPT },
        });
      }
    }
    if (explanations.length) {
      explanationBatches.push({ actor: ACTORS.unit(unit.name), reason: REASONS.explanation, changes: explanations });
    }
  }
  batches.push({ actor: ACTORS.council, reason: REASONS.appraisal, changes: appraisal });
  batches.push({ actor: ACTORS.survey, reason: REASONS.survey, changes: survey });
  batches.push(...explanationBatches);
  if (reappraisal.length) batches.push({ actor: ACTORS.council, reason: REASONS.reappraisal, changes: reappraisal });
  return batches;
}
