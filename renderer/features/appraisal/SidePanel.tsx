// Beside the grid: the unit's total, index, rank and band as previewed (with the score being
// typed), its change on last year as saved, and the history of the cell in focus.
import type { ReactNode } from 'react';
import type { AuditEntry, BlockResult, YearResults } from '../../../shared/domain';
import { describeChange, formatDateTime, formatDecimal, formatNumber, formatPercent } from '../../../shared/format';
import { auditFieldLabel, sourceLabel } from '../../app/labels';
import { auditValue, unitResultOf, type ParsedDraft } from './model';

interface SidePanelProps {
  unitCode: string;
  unitName: string;
  blockCode: string;
  draft: ParsedDraft | null;
  preview: BlockResult | null;
  saved: YearResults | null;
  focus: { unitCode: string; code: string } | null;
  history: AuditEntry[];
  /** what other features show beside the score (the evidence documents) */
  children?: ReactNode;
}

export function SidePanel({ unitCode, unitName, blockCode, draft, preview, saved, focus, history, children }: SidePanelProps) {
  const shown = unitResultOf(preview, unitCode);
  const savedResult = unitResultOf(saved?.blocks.find((b) => b.code === blockCode), unitCode);
  const rankedCount = preview?.units.filter((u) => u.ranked && u.rank !== null).length ?? 0;
  return (
    <aside className="side-panel">
      <section className="summary" aria-label="Kết quả đơn vị" data-testid="unit-summary">
        <h3>{unitName}</h3>
        {draft && (
          <p className={'problem' in draft.parsed ? 'draft draft-bad' : 'draft'}>
            {'problem' in draft.parsed ? draft.parsed.problem : `Xem trước khi nhập ${draft.text} điểm cho tiêu chí ${draft.code}`}
          </p>
        )}
        <dl>
          <dt>Tổng điểm</dt>
          <dd data-testid="summary-total">{shown ? `${formatDecimal(shown.total, 2)} / ${formatNumber(shown.max, 3)}` : '—'}</dd>
          <dt>Chỉ số</dt>
          <dd data-testid="summary-index">{formatPercent(shown?.index ?? null)}</dd>
          <dt>Xếp hạng</dt>
          <dd data-testid="summary-rank">{shown?.rank ? `${shown.rank} / ${rankedCount}` : shown && !shown.ranked ? 'Không xếp hạng' : '—'}</dd>
          <dt>Xếp loại</dt>
          <dd>{shown?.band ?? '—'}</dd>
          <dt>Tình trạng</dt>
          <dd>{shown ? (shown.provisional ? 'Tạm tính (còn tiêu chí chưa thẩm định)' : 'Đã thẩm định đủ') : '—'}</dd>
          <dt>So với năm trước</dt>
          <dd>{savedResult ? (describeChange(savedResult.deltaIndex, savedResult.deltaRank) ?? '—') : '—'}</dd>
        </dl>
      </section>
      {children}
      <section className="history" aria-label="Lịch sử ô" data-testid="cell-history">
        <h3>Lịch sử ô {focus ? `${focus.code} — ${focus.unitCode === unitCode ? unitName : focus.unitCode}` : ''}</h3>
        {!focus && <p className="muted">Chọn một ô điểm để xem ai đã sửa, khi nào, từ bao nhiêu thành bao nhiêu.</p>}
        {focus && history.length === 0 && <p className="muted">Ô này chưa có thay đổi nào.</p>}
        <ol>
          {history.map((h) => (
            <li key={h.id}>
              <div className="history-when">
                {formatDateTime(h.at)} · {h.actor} · {sourceLabel(h.source)}
              </div>
              <div>
                {auditFieldLabel(h.field)}: {auditValue(h.field, h.oldValue)} → <strong>{auditValue(h.field, h.newValue)}</strong>
              </div>
              {h.reason && <div className="muted">Lý do: {h.reason}</div>}
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}
