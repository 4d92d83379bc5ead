import type { CriterionNode } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';
import { countsInMaximum, sumOfChildren } from '../../../shared/results';
import { FIELDS, type DemoBlockCode, type LeafSpec, type PerBlock } from './framework-data';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function forBlock<T>(value: PerBlock<T>, block: DemoBlockCode): T {
  if (typeof value === 'object' && value !== null && 'so' in value && 'local' in value) {
    if (block === 'so') return value.so;
    return (block === 'xa' ? value.xa : undefined) ?? value.local;
  }
  return value as T;
}

function defaultGuidance(spec: Omit<LeafSpec, 'title'>, max: number): string {
  const points = formatNumber(max);
  if (spec.survey) return `Điểm do điều tra xã hội học: tỷ lệ ý kiến đánh giá tích cực (%) × ${points}.`;
  switch (spec.method) {
    case 'yesno':
      return `Thực hiện đúng quy định: ${points} điểm; không thực hiện hoặc thực hiện chậm: 0 điểm.`;
    case 'ratio':
      return `Điểm = tỷ lệ đạt được (%) × ${points}.`;
    default:
      return `Thực hiện đầy đủ, đúng quy định: ${points} điểm; có thiếu sót: trừ điểm tùy mức độ.`;
  }
}

function leafNode(
  code: string,
  parentCode: string,
  level: number,
  title: string,
  spec: Omit<LeafSpec, 'title'>,
  block: DemoBlockCode,
): CriterionNode {
  const max = forBlock(spec.max, block);
  const survey = spec.survey === true;
  return {
    code,
    parentCode,
    level,
    title,
    maxPoints: max,
    source: survey ? 'survey' : 'self',
    method: spec.method ?? 'free',
    tiers: spec.tiers ?? null,
    evidenceRequired: spec.evidence ?? !survey,
    guidance: spec.guidance ?? defaultGuidance(spec, max),
  };
}

/** Sets every parent's maximum to the sum of its children's (bonus and deduction aside). */
export function withParentMaxima(nodes: CriterionNode[]): CriterionNode[] {
  const parents = new Set(nodes.map((n) => n.parentCode));
  // deepest first, so that a field sums criteria already summed
  const ordered = [...nodes].filter((n) => parents.has(n.code)).sort((a, b) => b.level - a.level);
  const byCode = new Map(nodes.map((n) => [n.code, { ...n }]));
  const result = nodes.map((n) => byCode.get(n.code)!);
  for (const parent of ordered) {
    byCode.get(parent.code)!.maxPoints = sumOfChildren(result, parent.code);
  }
  return result;
}

export interface DemoFramework {
  nodes: CriterionNode[];
  /** leaves some units have no duty under */
  mayBeNotApplicable: Set<string>;
}

/**
 * The framework of a block as the province issued it for 2023: fields I–VIII, criteria
 * numbered on through the fields (decision style), sub-criteria "criterion.n".
 */
export function baseFramework(block: DemoBlockCode): DemoFramework {
  const nodes: CriterionNode[] = [];
  const mayBeNotApplicable = new Set<string>();
  let criterionNumber = 0;
  FIELDS.forEach((field, f) => {
    const fieldCode = ROMAN[f];
    nodes.push({
      code: fieldCode,
      parentCode: null,
      level: 1,
      title: field.title,
      maxPoints: null,
      source: 'self',
      method: 'free',
      tiers: null,
      evidenceRequired: false,
      guidance: null,
    });
    for (const criterion of field.criteria) {
      const code = String(++criterionNumber);
      const title = forBlock(criterion.title, block);
      if (criterion.leaf) {
        nodes.push(leafNode(code, fieldCode, 2, title, criterion.leaf, block));
        if (criterion.leaf.mayBeNotApplicable) mayBeNotApplicable.add(code);
        continue;
      }
      nodes.push({
        code,
        parentCode: fieldCode,
        level: 2,
        title,
        maxPoints: null,
        source: 'self',
        method: 'free',
        tiers: null,
        evidenceRequired: false,
        guidance: null,
      });
      (criterion.subs ?? []).forEach((sub, s) => {
        const subCode = `${code}.${s + 1}`;
        nodes.push(leafNode(subCode, code, 3, forBlock(sub.title, block), sub, block));
        if (sub.mayBeNotApplicable) mayBeNotApplicable.add(subCode);
      });
    }
  });
  // survey and self leaves both count in the parents; bonus/deduction do not
  return { nodes: withParentMaxima(nodes.map((n) => ({ ...n }))), mayBeNotApplicable };
}

function findByTitle(nodes: CriterionNode[], start: string): CriterionNode {
  const node = nodes.find((n) => n.title.startsWith(start));
  if (!node) throw new Error(`Dữ liệu mẫu: không có tiêu chí "${start}".`);
  return node;
}

function setMax(nodes: CriterionNode[], titleStart: string, max: number): void {
  findByTitle(nodes, titleStart).maxPoints = max;
}

/** Adds a sub-criterion at the end of a criterion, numbered after its last child. */
function appendLeaf(nodes: CriterionNode[], parentTitleStart: string, leaf: Omit<CriterionNode, 'code' | 'parentCode' | 'level'>): CriterionNode[] {
  const parent = findByTitle(nodes, parentTitleStart);
  const children = nodes.filter((n) => n.parentCode === parent.code);
  const last = children[children.length - 1];
  const code = `${parent.code}.${children.length + 1}`;
  const at = nodes.indexOf(last) + 1;
  return [...nodes.slice(0, at), { ...leaf, code, parentCode: parent.code, level: parent.level + 1 }, ...nodes.slice(at)];
}

/**
 * The small changes the province made when it carried the framework into a new year.
 * `nodes` is the framework cloned from the year before.
 */
export function changesForYear(year: number, block: DemoBlockCode, cloned: CriterionNode[]): CriterionNode[] {
  let nodes = cloned.map((n) => ({ ...n }));
  if (year === 2024) {
    const plan = findByTitle(nodes, 'Ban hành kế hoạch cải cách hành chính năm đúng thời hạn');
    plan.guidance = 'Ban hành trước ngày 31/12 của năm trước năm đánh giá: 0,5 điểm; ban hành chậm hoặc không ban hành: 0 điểm.';
    setMax(nodes, 'Thanh toán trực tuyến phí, lệ phí', 0.5);
    setMax(nodes, 'Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến', 2.5);
    findByTitle(nodes, 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính').title =
      'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo Nghị định số 107/2021/NĐ-CP';
  }
  if (year === 2025) {
    findByTitle(nodes, 'Xây dựng và phát triển Chính quyền điện tử').title =
      'Xây dựng chính quyền số, chuyển đổi số';
    setMax(nodes, 'Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến', 2);
    nodes = appendLeaf(nodes, 'Dịch vụ công trực tuyến', {
      title: 'Sử dụng tài khoản định danh điện tử (VNeID) trong giải quyết thủ tục hành chính',
      maxPoints: 0.5,
      source: 'self',
      method: 'free',
      tiers: null,
      evidenceRequired: true,
      guidance: 'Tích hợp đăng nhập bằng tài khoản định danh điện tử cho toàn bộ dịch vụ công trực tuyến: 0,5 điểm.',
    });
    if (block === 'xa') {
      findByTitle(nodes, 'Thực hiện nhiệm vụ được Ủy ban nhân dân cấp trên giao').title =
        'Thực hiện nhiệm vụ, thẩm quyền theo mô hình chính quyền địa phương hai cấp';
    }
  }
  return withParentMaxima(nodes);
}

export { countsInMaximum };
