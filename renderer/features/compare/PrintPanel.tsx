// Scorecards of one unit, a block or the whole year, one PDF per unit or one combined PDF,
// with progress; and the province's summary workbook of the year.
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import type { PrintProgressOutput, ScorecardSelectionInput } from '../../../shared/contract-compare';
import type { BlockResult, UnitResult } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';
import { call, messageOf } from '../../app/api';
import type { Message } from '../../app/MessageBar';

type Scope = 'unit' | 'block' | 'all';
type Printed = Extract<ChannelOutput<'reports:printScorecards'>, { cancelled: false }>['value'];

interface PrintPanelProps {
  year: number;
  block: BlockResult;
  unit: UnitResult | null;
  sample: boolean;
  setMessage(message: Message | null): void;
  onClose(): void;
}

export function PrintPanel({ year, block, unit, sample, setMessage, onClose }: PrintPanelProps) {
  const [scope, setScope] = useState<Scope>(unit ? 'unit' : 'block');
  const [combined, setCombined] = useState(false);
  const [progress, setProgress] = useState<PrintProgressOutput | null>(null);
  const [printed, setPrinted] = useState<Printed | null>(null);
  const [exporting, setExporting] = useState(false);
  const running = progress?.running ?? false;

  useEffect(() => {
    if (scope === 'unit' && !unit) setScope('block');
  }, [unit]);
  useEffect(() => setPrinted(null), [block.code, year]);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      call('reports:printProgress', {}).then(
        (p) => setProgress((now) => (now?.running ? p : now)),
        () => undefined,
      );
    }, 250);
    return () => clearInterval(timer);
  }, [running]);

  const selection: ScorecardSelectionInput =
    scope === 'unit' && unit ? { unitCode: unit.code } : scope === 'block' ? { blockCode: block.code } : { all: true };

  const print = async () => {
    setPrinted(null);
    setProgress({ running: true, done: 0, total: 0, unitName: null });
    try {
      const r = await call('reports:printScorecards', { year, selection, combined });
      if (!r.cancelled) {
        setPrinted(r.value);
        setMessage({
          kind: 'info',
          text: `Đã in ${formatNumber(r.value.units)} phiếu kết quả vào ${formatNumber(r.value.files.length)} tệp PDF trong thư mục ${r.value.folder}.`,
        });
      }
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    } finally {
      setProgress(null);
    }
  };

  const exportSummary = async () => {
    setExporting(true);
    try {
      const r = await call('reports:exportSummary', { year });
      if (!r.cancelled) {
        setMessage({ kind: 'info', text: `Đã xuất bảng tổng hợp năm ${year} (${r.value.sheets.length} trang tính) vào tệp ${r.value.file}.` });
      }
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    } finally {
      setExporting(false);
    }
  };

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
