// "Các lần nhập trước": every form imported for the year, newest first; one opened shows the
// criteria it changed (self score before → after, evidence or explanation changed) and its warnings.
import { formatDateTime, formatNumber } from '../../../shared/format';
import { EmptyState } from '../../app/EmptyState';
import { usePastImports } from './hooks';
import { scoreChange } from './model';

export function PastImports({ history }: { history: ReturnType<typeof usePastImports> }) {
  const { list, openId, detail, open } = history;
  if (list === null) return null;
  return (
    <section className="card report" data-testid="past-imports">
      <h3>Các lần nhập trước</h3>
      {list.length === 0 ? (
        <EmptyState text="Chưa nhập biểu mẫu nào của năm này." />
      ) : (
        <table className="table past-imports">
          <thead>
            <tr>
              <th>Tệp</th>
              <th>Đơn vị</th>
              <th>Thời điểm nhập</th>
              <th>Trạng thái</th>
              <th className="num">Tiêu chí thay đổi</th>
              <th>Người nhập</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr
                key={p.id}
                className={`clickable${openId === p.id ? ' selected' : ''}`}
                onClick={() => open(p.id)}
                aria-expanded={openId === p.id}
                tabIndex={0}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && open(p.id)}
              >
                <td>{p.fileName}</td>
                <td>
                  {p.unitName} ({p.unitCode})
                </td>
                <td>{formatDateTime(p.importedAt)}</td>
                <td>
                  {p.status === 'current' ? 'Hiện hành' : 'Đã thay thế'} (lần nộp thứ {formatNumber(p.version)})
                </td>
                <td className="num">{formatNumber(p.changes)}</td>
                <td>{p.actor}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {detail && detail.id === openId && (
        <div className="past-import-detail" data-testid="past-import-detail">
          <h4>
            {detail.fileName} — {detail.unitName}, nhập lúc {formatDateTime(detail.importedAt)}
          </h4>
          {detail.criteria.length === 0 ? (
            <p className="muted">Lần nhập này không thay đổi tiêu chí nào.</p>
          ) : (
            <table className="plain-table">
              <thead>
                <tr>
                  <th>Tiêu chí</th>
                  <th>Nội dung</th>
                  <th>Điểm tự chấm (trước → sau)</th>
                  <th>Tài liệu kiểm chứng</th>
                  <th>Giải trình</th>
                </tr>
              </thead>
              <tbody>
                {detail.criteria.map((c) => (
                  <tr key={c.criterionCode}>
                    <td>{c.criterionCode}</td>
                    <td>{c.title ?? '—'}</td>
                    <td>{c.selfScoreChanged ? scoreChange(c.oldSelfScore, c.newSelfScore) : 'không đổi'}</td>
                    <td>{c.evidenceChanged ? 'đã thay đổi' : 'không đổi'}</td>
                    <td>{c.explanationChanged ? 'đã thay đổi' : 'không đổi'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {detail.warningList.length > 0 && (
            <ul className="issues">
              {detail.warningList.map((w, i) => (
                <li key={i} className="issue-warning">
                  Cảnh báo{w.cell ? ` ô ${w.cell}` : ''}: {w.message}
                </li>
              ))}
            </ul>
          )}
          <p className="muted small-text">Lỗi của các tệp bị từ chối không được lưu: tệp bị từ chối không thay đổi tệp dữ liệu.</p>
        </div>
      )}
    </section>
  );
}
