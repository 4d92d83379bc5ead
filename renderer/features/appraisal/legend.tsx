// The styles of the block matrix's cells and what each one means: the grid draws its cells
// with these classes, and the legend beside it shows each one as a swatch of the same class.
import type { Score } from '../../../shared/domain';

export interface MatrixStyle {
  className: string;
  /** the text shown in the swatch, as a cell of that style shows it */
  sample: string;
  label: string;
}

export const MATRIX_STYLES: readonly MatrixStyle[] = [
  { className: 'cell-editable', sample: '1,5', label: 'Điểm thẩm định (gõ số để sửa)' },
  { className: 'cell-provisional', sample: '1,5', label: 'Chưa thẩm định: hiện điểm tự chấm (chữ xám, nghiêng); tổng điểm tạm tính theo điểm này' },
  { className: 'cell-differs', sample: '1', label: 'Điểm thẩm định khác điểm tự chấm' },
  { className: 'cell-reappraise', sample: '1', label: 'Cần thẩm định lại: đơn vị đã sửa điểm tự chấm sau khi được thẩm định' },
  { className: 'cell-na', sample: 'KAD', label: 'KAD: tiêu chí không áp dụng đối với đơn vị' },
  { className: 'cell-evidence-missing', sample: '2', label: 'Thiếu tài liệu kiểm chứng: tiêu chí bắt buộc có tài liệu, đơn vị tự chấm trên 0 điểm mà chưa gửi tài liệu' },
];

/** The classes of a leaf's cell in the matrix, from its score. */
export function matrixCellClasses(s: Score | undefined, editable: boolean): string[] {
  const classes = ['ag-right-aligned-cell'];
  if (s?.notApplicable) return [...classes, 'cell-na'];
  if (s?.appraisedScore === null || s?.appraisedScore === undefined) return [...classes, 'cell-provisional'];
  if (editable) classes.push('cell-editable');
  if (s.selfScore !== null && s.selfScore !== s.appraisedScore) classes.push('cell-differs');
  if (s.needsReappraisal) classes.push('cell-reappraise');
  return classes;
}

/** Beside the matrix: a swatch of each cell style with its meaning, and the abbreviations of the columns. */
export function MatrixLegend() {
  return (
    <section className="matrix-legend" aria-label="Chú giải ma trận" data-testid="matrix-legend">
      <h3>Chú giải</h3>
      <ul>
        {MATRIX_STYLES.map((s) => (
          <li key={s.className}>
            <span className={`legend-swatch ${s.className}`} data-style={s.className}>
              {s.sample}
            </span>
            <span>{s.label}</span>
          </li>
        ))}
        <li>
          <span className="legend-swatch legend-text">KXH</span>
          <span>Cột Hạng: đơn vị không xếp hạng (chỉ chấm điểm)</span>
        </li>
      </ul>
    </section>
  );
}
