// Beside the grid: the unit's total, index, rank and band as previewed (with the score being
// typed), its change on last year as saved, and the history of the cell in focus.
import type { ReactNode } from 'react';
import type { AuditEntry, BlockResult, CriterionNode, Score, YearResults } from '../../../shared/domain';
import { confirmAction } from '../../app/leave-guard';
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
  /** the criterion of the cell in focus, and the unit's score on it */
  criterion: CriterionNode | null;
  score: Score | undefined;
  /** takes the self scores as appraised under a criterion, or the whole unit (null); absent when the year is locked */
  onAcceptSelf: ((rootCode: string | null) => void) | null;
  /** what other features show beside the score (the evidence documents) */
  children?: ReactNode;
}

export function SidePanel({ unitCode, unitName, blockCode, draft, preview, saved, focus, history, criterion, score, onAcceptSelf, children }: SidePanelProps) {
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
      {criterion && (
        <section className="criterion-detail" aria-label="Tiêu chí đang chọn" data-testid="criterion-detail">
          <h3>
            {criterion.code}. {criterion.title}
          </h3>
          {score && (
            <dl>
              <dt>Điểm tự chấm</dt>
              <dd>{score.selfScore === null ? 'Chưa tự chấm' : formatNumber(score.selfScore, 4)}</dd>
              <dt title="Tài liệu kiểm chứng đơn vị ghi trong biểu tự đánh giá">Tài liệu kiểm chứng</dt>
              <dd className="long-text">{score.evidence ?? <span className="muted">Không ghi</span>}</dd>
              <dt>Giải trình</dt>
              <dd className="long-text">{score.explanation ?? <span className="muted">Không có</span>}</dd>
            </dl>
          )}
        </section>
      )}
      {onAcceptSelf && (
        <section className="accept-self" aria-label="Chấp nhận điểm tự chấm">
          {criterion && (
            <button type="button" onClick={() => onAcceptSelf(criterion.code)} title="Lấy điểm tự chấm làm điểm thẩm định cho các tiêu chí thành phần của mục này">
              Chấp nhận điểm tự chấm: mục {criterion.code}
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              if (confirmAction(`Lấy điểm tự chấm làm điểm thẩm định cho mọi tiêu chí thành phần của ${unitName}? Có thể hoàn tác bằng Ctrl+Z.`)) onAcceptSelf(null);
            }}
          >
            Chấp nhận điểm tự chấm: cả đơn vị
          </button>
        </section>
      )}
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
