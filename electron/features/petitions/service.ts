// Petitions as staff read and decide them: each beside the unit's self score, the appraised
// score and the council's remark; decided accept (a new appraised score up to the leaf's maximum,
// audited with source "petition") or keep, always with a reason.
import { scoreValueProblem } from '../../../shared/appraisal/score-rules';
import { UserError } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import type { Workspace } from '../../db/workspace';
import { applyScoreChanges } from '../appraisal/service';
import { getScores } from '../appraisal/store';
import { getFramework } from '../framework/store';
import { listUnits } from '../units/store';
import { requireOpenPeriod, requirePeriod } from '../workspace/service';
import { listDocuments, type EvidenceDocument } from '../evidence/store';
import { listPetitions, writeDecision, type Petition } from './store';

export interface PetitionView extends Petition {
  unitName: string;
  criterionTitle: string;
  maxPoints: number;
  selfScore: number | null;
  appraisedScore: number | null;
  /** the council's remark on the leaf */
  remark: string | null;
  /** the documents the unit sent with this petition */
  documents: EvidenceDocument[];
}

/** The petitions of a year (of one unit), each with the scores and remark as they stand now. */
export function petitionViews(ws: Workspace, year: number, unitCode?: string): PetitionView[] {
  return ws.snapshot(() => {
    requirePeriod(ws, year);
    const units = new Map(listUnits(ws).map((u) => [u.code, u]));
    if (unitCode !== undefined && !units.has(unitCode)) throw new UserError(`Không có đơn vị mã ${unitCode}.`);
    const petitions = listPetitions(ws, year, unitCode === undefined ? {} : { unitCode });
    const documents = new Map<number, EvidenceDocument[]>();
    for (const d of listDocuments(ws, year, { ...(unitCode === undefined ? {} : { unitCode }), petitions: true })) {
      documents.set(d.petitionId!, [...(documents.get(d.petitionId!) ?? []), d]);
    }
    const scores = new Map<string, Map<string, ReturnType<typeof getScores>[number]>>();
    const nodes = new Map<string, Map<string, { title: string; maxPoints: number | null }>>();
    return petitions.map((p) => {
      const unit = units.get(p.unitCode);
      let s = scores.get(p.unitCode);
      if (!s) scores.set(p.unitCode, (s = new Map(getScores(ws, year, { unitCode: p.unitCode }).map((x) => [x.criterionCode, x]))));
      const block = unit?.blockCode ?? '';
      let n = nodes.get(block);
      if (!n) nodes.set(block, (n = new Map((getFramework(ws, year, block)?.nodes ?? []).map((x) => [x.code, x]))));
      const score = s.get(p.criterionCode);
      const node = n.get(p.criterionCode);
      return {
        ...p,
        unitName: unit?.name ?? p.unitCode,
        criterionTitle: node?.title ?? '',
        maxPoints: node?.maxPoints ?? 0,
        selfScore: score?.selfScore ?? null,
        appraisedScore: score?.appraisedScore ?? null,
        remark: score?.note ?? null,
        documents: documents.get(p.id) ?? [],
      };
    });
  });
}

/** `petitions --json` as the command line prints it. */
export function petitionsJson(views: PetitionView[]) {
  return views.map((v) => ({
    unit: v.unitCode,
    criterion: v.criterionCode,
    selfScore: v.selfScore,
    appraisedScore: v.appraisedScore,
    text: v.text,
    late: v.late,
    decision: v.decision === null ? null : { kind: v.decision, score: v.decidedScore, reason: v.reason ?? '' },
  }));
}

export interface DecisionInput {
  year: number;
  unitCode: string;
  criterionCode: string;
  decision: 'accept' | 'keep';
  /** the new appraised score (accept) */
  score?: number | null;
  reason: string;
}

/** Decides the pending petition of a unit on a leaf; accept changes the appraised score (audited, source "petition"). */
export function decidePetition(ws: Workspace, input: DecisionInput, actor = ws.actor): Petition {
  const reason = input.reason.trim();
  if (!reason) throw new UserError('Hãy ghi lý do của quyết định về kiến nghị.');
  return ws.transaction(() => {
    requireOpenPeriod(ws, input.year);
    const all = listPetitions(ws, input.year, { unitCode: input.unitCode, criterionCode: input.criterionCode });
    const pending = all.find((p) => p.decision === null);
    if (!pending) {
      throw new UserError(
        all.length
          ? `Kiến nghị của đơn vị ${input.unitCode} về tiêu chí ${input.criterionCode} đã được quyết định.`
          : `Đơn vị ${input.unitCode} không có kiến nghị nào về tiêu chí ${input.criterionCode} năm ${input.year}.`,
      );
    }
    const at = new Date().toISOString();
    let score: number | null;
    if (input.decision === 'accept') {
      if (input.score === undefined || input.score === null) throw new UserError('Chấp nhận kiến nghị cần điểm thẩm định mới.');
      const unit = listUnits(ws).find((u) => u.code === input.unitCode);
      const node = unit && getFramework(ws, input.year, unit.blockCode)?.nodes.find((n) => n.code === input.criterionCode);
      if (!node) throw new UserError(`Bộ chỉ số năm ${input.year} không có tiêu chí ${input.criterionCode} của đơn vị ${input.unitCode}.`);
      const problem = scoreValueProblem(node, input.score, 'appraised');
      if (problem) throw new UserError(`Đơn vị ${input.unitCode}, ${problem}`);
      score = input.score;
      applyScoreChanges(
        ws,
        input.year,
        [{ unitCode: input.unitCode, criterionCode: input.criterionCode, patch: { appraisedScore: score, needsReappraisal: false } }],
        { actor, source: 'petition', reason: `Chấp nhận kiến nghị: ${reason}`, at },
      );
    } else {
      score = getScores(ws, input.year, { unitCode: input.unitCode }).find((s) => s.criterionCode === input.criterionCode)?.appraisedScore ?? null;
    }
    writeDecision(ws, pending.id, { decision: input.decision, score, reason, at, actor });
    return { ...pending, decision: input.decision, decidedScore: score, reason, decidedAt: at, decidedBy: actor };
  });
}

/** The decision in words, for the terminal and messages. */
export function decisionText(p: Pick<Petition, 'decision' | 'decidedScore'>): string {
  if (p.decision === 'accept') return `chấp nhận, điểm thẩm định mới ${p.decidedScore === null ? 'trống' : formatNumber(p.decidedScore, 4)}`;
  if (p.decision === 'keep') return 'giữ nguyên điểm thẩm định';
  return 'chưa quyết định';
}
