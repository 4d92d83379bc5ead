// What a unit's result is worth while the year runs: the same words on screen, in the summary
// workbook and on the scorecard.
import type { UnitResult } from '../domain';

/**
 * "Chưa nộp" while the unit has sent no self-assessment (its figures are what the council has
 * scored so far); "Tạm tính" until the year is published by decision ("đang thẩm định" while
 * leaves await appraisal); "Chính thức" once published.
 */
export function resultStatus(unit: Pick<UnitResult, 'submitted' | 'provisional'>, published: boolean): string {
  if (!unit.submitted) return 'Chưa nộp';
  if (published) return 'Chính thức';
  return unit.provisional ? 'Tạm tính, đang thẩm định' : 'Tạm tính';
}
