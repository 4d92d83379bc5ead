// Scorecards of one unit, a block or the whole year, one PDF per unit or one combined PDF,
// with progress; and the province's summary workbook of the year.
import type { BlockResult, UnitResult } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';
import { usePrinting } from './hooks';

interface PrintPanelProps {
  year: number;
  block: BlockResult;
  unit: UnitResult | null;
  sample: boolean;
  onClose(): void;
}

export function PrintPanel({ year, block, unit, sample, onClose }: PrintPanelProps) {
  const { scope, setScope, combined, setCombined, progress, running, printed, exporting, print, exportSummary } = usePrinting(year, block, unit);
  return (
    <section className="print-panel" aria-label="In phiếu kết quả và xuất bảng tổng hợp" data-testid="print-panel">
      <div className="print-group">
        <h3>Phiếu kết quả Chỉ số CCHC năm {year}</h3>
        <fieldset disabled={running}>
          <legend>In cho</legend>
          <label>
            <input type="radio" name="print-scope" checked={scope === 'unit'} disabled={!unit} onChange={() => setScope('unit')} />
            {unit ? unit.name : 'Đơn vị đang chọn (chưa chọn)'}
          </label>
          <label>
            <input type="radio" name="print-scope" checked={scope === 'block'} onChange={() => setScope('block')} />
            Cả {block.name.toLowerCase()} ({formatNumber(block.units.length)} đơn vị)
          </label>
          <label>
            <input type="radio" name="print-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            Tất cả đơn vị năm {year}
          </label>
        </fieldset>
        <fieldset disabled={running}>
          <legend>Lưu thành</legend>
          <label>
            <input type="radio" name="print-files" checked={!combined} onChange={() => setCombined(false)} />
            Mỗi đơn vị một tệp PDF
          </label>
          <label>
            <input type="radio" name="print-files" checked={combined} onChange={() => setCombined(true)} />
            Một tệp PDF gộp
          </label>
        </fieldset>
        <div className="print-actions">
          <button type="button" className="primary" disabled={running} onClick={print}>
            Chọn thư mục và in
          </button>
          {progress && (
            <div className="progress" data-testid="print-progress">
              <progress max={Math.max(progress.total, 1)} value={progress.done} />
              <span className="small-text">
                {progress.total ? `Đã in ${formatNumber(progress.done)}/${formatNumber(progress.total)} phiếu` : 'Đang chuẩn bị…'}
                {progress.unitName ? ` · ${progress.unitName}` : ''}
              </span>
            </div>
          )}
          {printed && !progress && (
            <p className="small-text status-ok" data-testid="print-done">
              Đã in {formatNumber(printed.units)} phiếu: {printed.files.length === 1 ? printed.files[0] : `${formatNumber(printed.files.length)} tệp trong ${printed.folder}`}
            </p>
          )}
        </div>
        {sample && <p className="muted small-text">Phiếu in từ dữ liệu mẫu mang dòng chữ “Dữ liệu mẫu”.</p>}
      </div>
      <div className="print-group">
        <h3>Bảng tổng hợp (Excel)</h3>
        <p className="muted small-text">
          Mỗi khối: bảng xếp hạng, chỉ số thành phần, so với năm trước và điểm bị mất; khổ A4 ngang, sẵn sàng để in.
        </p>
        <button type="button" disabled={exporting} onClick={exportSummary}>
          Xuất bảng tổng hợp năm {year}…
        </button>
      </div>
      <button type="button" className="message-close print-close" aria-label="Đóng" onClick={onClose}>
        ×
      </button>
    </section>
  );
}
