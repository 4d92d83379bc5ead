import type { CriterionNode } from '../domain';
import { formatNumber } from '../format';

export type ScoreKind = 'self' | 'appraised';

/**
 * Why a score cannot be given to a leaf, in Vietnamese, or null when it can.
 * Survey leaves take no self score; their appraised score is the survey points.
 */
export function scoreValueProblem(node: CriterionNode, value: number, kind: ScoreKind): string | null {
  const max = node.maxPoints ?? 0;
  const label = `tiêu chí ${node.code}`;
  if (!Number.isFinite(value)) return `${label}: điểm phải là một số.`;
  if (kind === 'self' && node.source === 'survey') {
    return `${label} được chấm qua điều tra xã hội học, đơn vị không tự chấm; hãy để trống ô này.`;
  }
  if (value < 0) return `${label}: điểm ${formatNumber(value, 4)} nhỏ hơn 0; hãy nhập từ 0 đến ${formatNumber(max, 4)}.`;
  if (value > max + 1e-9) {
    return `${label}: điểm ${formatNumber(value, 4)} vượt điểm tối đa ${formatNumber(max, 4)}; hãy nhập từ 0 đến ${formatNumber(max, 4)}.`;
  }
  if (node.method === 'yesno' && value !== 0 && Math.abs(value - max) > 1e-9) {
    return `${label} chấm theo có/không: điểm chỉ được là 0 hoặc ${formatNumber(max, 4)}.`;
  }
  return null;
}

/** Points of a tiers or ratio leaf from the figure the unit reported, in percent (85 = 85 %), else null. */
export function pointsFromReportedValue(node: CriterionNode, reported: number): number | null {
  const max = node.maxPoints ?? 0;
  if (node.method === 'ratio') {
    return Math.max(0, Math.min(max, (reported / 100) * max));
  }
  if (node.method === 'tiers' && node.tiers?.length) {
    const sorted = [...node.tiers].sort((a, b) => b.min - a.min);
    const tier = sorted.find((t) => reported >= t.min);
    return tier ? Math.min(max, tier.points) : 0;
  }
  return null;
}
