// The classes of a leaf's cell in the block matrix, each explained by the legend beside it.
import { describe, expect, it } from 'vitest';
import { MATRIX_STYLES, matrixCellClasses } from '../../../renderer/features/appraisal/legend';
import { emptyScore } from '../../../shared/domain';

describe('matrix cell classes', () => {
  const score = (patch: Partial<ReturnType<typeof emptyScore>>) => ({ ...emptyScore('SNV', '1.1'), ...patch });
  it('gives each state its class', () => {
    expect(matrixCellClasses(undefined, true)).toEqual(['ag-right-aligned-cell', 'cell-provisional']);
    expect(matrixCellClasses(score({ notApplicable: true, appraisedScore: 1 }), true)).toEqual(['ag-right-aligned-cell', 'cell-na']);
    expect(matrixCellClasses(score({ selfScore: 1, appraisedScore: 1 }), true)).toEqual(['ag-right-aligned-cell', 'cell-editable']);
    expect(matrixCellClasses(score({ selfScore: 1, appraisedScore: 1 }), false)).toEqual(['ag-right-aligned-cell']);
    expect(matrixCellClasses(score({ selfScore: 2, appraisedScore: 1, needsReappraisal: true }), true)).toEqual([
      'ag-right-aligned-cell',
      'cell-editable',
      'cell-differs',
      'cell-reappraise',
    ]);
  });

  it('explains every class it gives', () => {
    const given = new Set(
      [undefined, score({ notApplicable: true }), score({ selfScore: 2, appraisedScore: 1, needsReappraisal: true })].flatMap((s) => matrixCellClasses(s, true)),
    );
    given.delete('ag-right-aligned-cell');
    for (const c of given) expect(MATRIX_STYLES.map((m) => m.className)).toContain(c);
  });
});
