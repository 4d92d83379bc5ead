// Survey points into the PAR index: a survey leaf linked to the overall, an area or a factor
// index of the unit takes index × maximum / 100 as its appraised score, through the audited
// score changes of the workspace (source "survey").
import { UserError } from '../../../shared/errors';
import { formatNumber, formatPercent } from '../../../shared/format';
import { leaves } from '../../../shared/results';
import {
  surveyLinkSchema,
  surveyPoints,
  targetIndex,
  type AppliedPoints,
  type SurveyApplyReport,
  type SurveyLink,
  type SurveyLinkInfo,
} from '../../../shared/survey';
import { matchKey } from '../../../shared/text';
import type { Workspace } from '../../db/workspace';
import { SurveyStore } from './store';
import { getSurveyDefinition } from './definitions';
import { surveyResults } from './results';
import { applyScoreChanges } from '../appraisal/service';
import { requireFramework } from '../framework/service';
import { getFramework, listFrameworks } from '../framework/store';
import { listUnits } from '../units/store';
import { requireBlock, requireOpenPeriod, requirePeriod } from '../workspace/service';
import { getPeriod } from '../workspace/store';

function surveyLeaves(ws: Workspace, year: number, blockCode: string) {
  const fw = getFramework(ws, year, blockCode);
  return fw ? leaves(fw.nodes).filter((n) => n.source === 'survey') : [];
}

/** Links a survey leaf of a block's framework to an index of the year's survey. */
export function setSurveyLink(ws: Workspace, link: SurveyLink): SurveyLinkInfo {
  const parsed = surveyLinkSchema.parse(link);
  return ws.transaction(() => {
    requirePeriod(ws, parsed.year);
    requireBlock(ws, parsed.blockCode);
    const fw = requireFramework(ws, parsed.year, parsed.blockCode);
    const leaf = leaves(fw.nodes).find((n) => n.code === parsed.criterionCode);
    if (!leaf) {
      throw new UserError(`Bộ chỉ số năm ${parsed.year} khối "${parsed.blockCode}" không có tiêu chí được chấm mã "${parsed.criterionCode}".`);
    }
    if (leaf.source !== 'survey') {
      throw new UserError(
        `Tiêu chí ${leaf.code} không chấm qua điều tra xã hội học; hãy đặt nguồn điểm của tiêu chí là "khảo sát" trong bộ chỉ số trước khi liên kết.`,
      );
    }
    const def = getSurveyDefinition(ws, parsed.year);
    if (parsed.target === 'overall') parsed.targetCode = null;
    else {
      const list = parsed.target === 'area' ? def.areas : def.factors;
      if (!list.some((x) => x.code === parsed.targetCode)) {
        const what = parsed.target === 'area' ? 'lĩnh vực' : 'yếu tố';
        throw new UserError(
          `Bộ câu hỏi khảo sát năm ${parsed.year} không có ${what} mã "${parsed.targetCode ?? ''}"; các mã có: ${list.map((x) => x.code).join(', ')}.`,
        );
      }
    }
    new SurveyStore(ws).saveLink(parsed);
    return { ...parsed, criterionTitle: leaf.title, maxPoints: leaf.maxPoints ?? 0, automatic: false };
  });
}

export function removeSurveyLink(ws: Workspace, year: number, blockCode: string, criterionCode: string): boolean {
  return ws.transaction(() => new SurveyStore(ws).deleteLink(year, blockCode, criterionCode));
}

const SATISFACTION_WORDS = ['sipas', 'hai long'];

/**
 * The links of a year: the saved ones, and for a block with none saved, its one survey leaf
 * whose title speaks of satisfaction ("SIPAS", "hài lòng"), linked to the overall index.
 */
export function surveyLinks(ws: Workspace, year: number): SurveyLinkInfo[] {
  const saved = new SurveyStore(ws).listLinks(year);
  const result: SurveyLinkInfo[] = [];
  for (const fw of listFrameworks(ws, year)) {
    const candidates = surveyLeaves(ws, year, fw.blockCode);
    const own = saved.filter((l) => l.blockCode === fw.blockCode);
    for (const l of own) {
      const leaf = candidates.find((n) => n.code === l.criterionCode);
      if (leaf) result.push({ ...l, criterionTitle: leaf.title, maxPoints: leaf.maxPoints ?? 0, automatic: false });
    }
    if (own.length) continue;
    const satisfaction = candidates.filter((n) => SATISFACTION_WORDS.some((w) => matchKey(n.title).includes(w)));
    if (satisfaction.length === 1) {
      const leaf = satisfaction[0];
      result.push({
        year,
        blockCode: fw.blockCode,
        criterionCode: leaf.code,
        target: 'overall',
        targetCode: null,
        criterionTitle: leaf.title,
        maxPoints: leaf.maxPoints ?? 0,
        automatic: true,
      });
    }
  }
  return result;
}

function describeTarget(link: SurveyLink): string {
  if (link.target === 'overall') return 'chỉ số hài lòng chung';
  return `${link.target === 'area' ? 'lĩnh vực' : 'yếu tố'} ${link.targetCode}`;
}

/** Writes the survey points of every linked leaf of `year` (one transaction, audited). */
export function applySurveyPoints(ws: Workspace, year: number, actor?: string): SurveyApplyReport {
  return ws.transaction(() => {
    requireOpenPeriod(ws, year);
    const links = surveyLinks(ws, year);
    if (links.length === 0) {
      throw new UserError(
        [{ message: `Năm ${year} chưa có tiêu chí khảo sát nào được liên kết với chỉ số hài lòng; hãy liên kết một tiêu chí điều tra xã hội học của bộ chỉ số.`, hint: 'survey-link' }],
      );
    }
    // Links found by title are kept from now on, so that later survey data refresh the points.
    const store = new SurveyStore(ws);
    for (const link of links.filter((l) => l.automatic)) {
      store.saveLink({ year, blockCode: link.blockCode, criterionCode: link.criterionCode, target: link.target, targetCode: link.targetCode });
    }
    const results = surveyResults(ws, year);
    const byUnit = new Map(results.units.map((u) => [u.code, u]));
    const applied: AppliedPoints[] = [];
    const skipped: SurveyApplyReport['skipped'] = [];
    for (const link of links) {
      for (const unit of listUnits(ws).filter((u) => u.blockCode === link.blockCode)) {
        const indices = byUnit.get(unit.code);
        if (!indices) continue;
        const index = targetIndex(indices, link.target, link.targetCode);
        if (index === null) {
          skipped.push({ unitCode: unit.code, unitName: unit.name, criterionCode: link.criterionCode, reason: `chưa có câu trả lời hợp lệ cho ${describeTarget(link)}` });
          continue;
        }
        const points = Math.min(surveyPoints(index, link.maxPoints), link.maxPoints);
        applied.push({ unitCode: unit.code, unitName: unit.name, blockCode: link.blockCode, criterionCode: link.criterionCode, index, points });
      }
    }
    const reason = (c: AppliedPoints, link: SurveyLinkInfo) =>
      `Khảo sát SIPAS năm ${year}: ${describeTarget(link)} ${formatPercent(c.index)} × ${formatNumber(link.maxPoints)} điểm`;
    let changedFields = 0;
    // One call per link so that each audit entry names the figure it came from.
    for (const link of links) {
      const own = applied.filter((a) => a.blockCode === link.blockCode && a.criterionCode === link.criterionCode);
      for (const a of own) {
        changedFields += applyScoreChanges(ws, 
          year,
          [{ unitCode: a.unitCode, criterionCode: a.criterionCode, patch: { appraisedScore: a.points } }],
          { source: 'survey', actor, reason: reason(a, link) },
        );
      }
    }
    return { year, links, applied, skipped, changedFields };
  });
}

/** After survey data change: refreshes linked points when the year has saved links and is open. */
export function applyLinkedSurveyPoints(ws: Workspace, year: number, actor?: string): number {
  const period = getPeriod(ws, year);
  if (!period || period.locked || new SurveyStore(ws).listLinks(year).length === 0) return 0;
  return applySurveyPoints(ws, year, actor).changedFields;
}
