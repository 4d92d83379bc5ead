// "Tổng quan": each block's progress in the year, and the latest imports and score changes.
import { formatDateTime, formatNumber, formatPercent } from '../../../shared/format';
import { sourceLabel } from '../../app/labels';
import type { PageProps } from '../../app/page';
import { useOverview } from './hooks';
import { setupSteps } from './model';

export function OverviewPage({ workspace, year, onNavigate }: PageProps) {
  const overview = useOverview(year);
  if (!overview) return <p className="muted">Đang tải…</p>;
  const steps = setupSteps(overview.setup, year);
  const left = steps.filter((s) => !s.done).length;
  return (
    <div className="overview">
      <h2>
        Tổng quan kỳ đánh giá năm {year}
        {workspace.sample && <span className="badge badge-sample">Dữ liệu mẫu</span>}
      </h2>
      {left > 0 && (
        <section className="setup" aria-label="Các bước chuẩn bị" data-testid="setup-checklist">
          <h3>Chuẩn bị kỳ đánh giá năm {year}: còn {left} bước</h3>
          <ol>
            {steps.map((s) => (
              <li key={s.label} className={s.done ? 'done' : 'todo'}>
                <span className="mark" aria-hidden>
                  {s.done ? '✓' : '○'}
                </span>
                <span className="label">{s.label}</span>
                <span className="muted">{s.detail}</span>
                {!s.done && (
                  <button type="button" className="link" onClick={() => onNavigate(s.page)}>
                    Làm bước này
                  </button>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      <div className="cards">
        {overview.blocks.map((b) => (
          <article key={b.blockCode} className="card" data-testid={`block-${b.blockCode}`}>
            <h3>{b.blockName}</h3>
            {!b.hasFramework ? (
              <p className="muted">Chưa có bộ chỉ số năm {year}.</p>
            ) : (
              <dl className="stats">
                <div>
                  <dt>Đơn vị</dt>
                  <dd>{formatNumber(b.units)}</dd>
                </div>
                <div>
                  <dt>Đã nộp tự chấm</dt>
                  <dd>{formatNumber(b.submitted)}</dd>
                </div>
                <div>
                  <dt>Chưa nộp</dt>
                  <dd className={b.units > b.submitted ? 'warn' : ''}>{formatNumber(Math.max(0, b.units - b.submitted))}</dd>
                </div>
                <div>
                  <dt>Đã thẩm định đủ</dt>
                  <dd>{formatNumber(b.appraised)}</dd>
                </div>
                <div>
                  <dt>Tạm tính</dt>
                  <dd className={b.provisional ? 'warn' : ''}>{formatNumber(b.provisional)}</dd>
                </div>
                <div>
                  <dt>Tiêu chí chấm</dt>
                  <dd>{formatNumber(b.leafCount)}</dd>
                </div>
                <div>
                  <dt>Chỉ số bình quân</dt>
                  <dd>{formatPercent(b.average)}</dd>
                </div>
              </dl>
            )}
            {b.missingEvidence.leaves > 0 && (
              <p className="warn" data-testid={`missing-evidence-${b.blockCode}`}>
                Thiếu tài liệu kiểm chứng: {formatNumber(b.missingEvidence.leaves)} tiêu chí có điểm ở {formatNumber(b.missingEvidence.units)} đơn vị
              </p>
            )}
          </article>
        ))}
      </div>
      <h3>Cập nhật gần đây</h3>
      {overview.activity.length === 0 ? (
        <p className="muted">Năm {year} chưa có lần nhập hay thay đổi điểm nào.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Thời gian</th>
              <th>Nguồn</th>
              <th>Người thực hiện</th>
              <th className="num">Số đơn vị</th>
              <th className="num">Số thay đổi</th>
            </tr>
          </thead>
          <tbody>
            {overview.activity.map((a) => (
              <tr key={`${a.at}-${a.source}-${a.actor}`}>
                <td>{formatDateTime(a.at)}</td>
                <td>{sourceLabel(a.source)}</td>
                <td>{a.actor}</td>
                <td className="num">{formatNumber(a.units)}</td>
                <td className="num">{formatNumber(a.changes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
