// "Biểu mẫu": self-assessment forms out to the units, and the returned ones in, with a report
// of each file (imported, unchanged or refused, with the cell of each problem).
import { useState } from 'react';
import { formatNumber } from '../../../shared/format';
import { BlockSelect } from '../../app/BlockSelect';
import { DropZone } from '../../app/DropZone';
import { FORM_STATUS_LABELS } from '../../app/labels';
import type { PageProps } from '../../app/page';
import { useFormGeneration, useFormImport, usePastImports } from './hooks';
import { evidenceLines, otherYearOffer } from './model';
import { PastImports } from './PastImports';
import './forms.css';

export function FormsPage({ workspace, year, onYear }: PageProps) {
  const blocks = workspace.blocks.filter((b) => workspace.frameworks.some((f) => f.year === year && f.blockCode === b.code));
  const [blockCode, setBlockCode] = useState<string>('');
  const { generate, generating } = useFormGeneration(year);
  const history = usePastImports(year);
  const { progress, results, busy, pick, drop, exportReport, importAsYear } = useFormImport(year, onYear, history.reload);
  const years = workspace.periods.map((p) => p.year);
  return (
    <div className="forms">
      <section className="card">
        <h3>Gửi biểu mẫu tự đánh giá</h3>
        <div className="toolbar">
          <BlockSelect blocks={blocks} value={blockCode} onChange={setBlockCode} ariaLabel="Khối cần tạo biểu mẫu" all="Tất cả các khối" />
          <button type="button" className="primary" disabled={generating || blocks.length === 0} onClick={() => generate(blockCode)}>
            {generating ? 'Đang tạo biểu mẫu…' : 'Tạo biểu mẫu cho các đơn vị…'}
          </button>
          <span className="muted">Mỗi đơn vị một tệp Excel có sẵn bộ chỉ số năm {year}, để đơn vị tự chấm, ghi tài liệu kiểm chứng và giải trình.</span>
        </div>
      </section>
      <section className="card">
        <h3>Nhận biểu mẫu đơn vị gửi về</h3>
        <DropZone onDrop={drop} testId="dropzone">
          <p>Kéo và thả các tệp (hoặc thư mục) biểu mẫu vào đây</p>
          <button type="button" disabled={busy} onClick={pick}>
            Chọn tệp…
          </button>
        </DropZone>
        {progress && (
          <div className="progress" data-testid="import-progress">
            <progress max={progress.total} value={progress.done} aria-label="Tiến độ nhập biểu mẫu" />
            <span>
              {busy ? `Đang nhập ${formatNumber(progress.done + 1)}/${formatNumber(progress.total)}: ${progress.file}` : `Đã xử lý ${formatNumber(progress.total)} tệp.`}
            </span>
          </div>
        )}
      </section>
      {results.length > 0 && (
        <section className="card report" data-testid="import-report">
          <div className="toolbar">
            <h3>Báo cáo nhập biểu mẫu</h3>
            <span className="spacer" />
            <button type="button" disabled={busy} onClick={exportReport}>
              Xuất báo cáo ra Excel
            </button>
          </div>
          <table className="table">
            <thead>
              <tr>
                <th>Tệp</th>
                <th>Đơn vị</th>
                <th>Kết quả</th>
                <th className="num">Tiêu chí thay đổi</th>
                <th>Lỗi và cảnh báo</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => {
                const offer = otherYearOffer(r, years);
                return (
                  <tr key={r.path}>
                    <td>{r.file}</td>
                    <td>{r.unitName ?? '—'}</td>
                    <td className={`status-${r.status === 'refused' ? 'error' : r.warnings.length ? 'warning' : 'ok'}`}>{FORM_STATUS_LABELS[r.status] ?? r.status}</td>
                    <td className="num">{r.status === 'refused' ? '—' : formatNumber(r.changes)}</td>
                    <td>
                      <ul className="issues">
                        {r.errors.map((p, i) => (
                          <li key={`e${i}`} className="issue-error">
                            Lỗi{p.cell ? ` ô ${p.cell}` : ''}: {p.message}
                          </li>
                        ))}
                        {r.warnings.map((p, i) => (
                          <li key={`w${i}`} className="issue-warning">
                            Cảnh báo{p.cell ? ` ô ${p.cell}` : ''}: {p.message}
                          </li>
                        ))}
                        {r.flaggedForReappraisal.length > 0 && (
                          <li className="issue-warning">Cần thẩm định lại: {r.flaggedForReappraisal.join(', ')}</li>
                        )}
                        {evidenceLines(r).map((line, i) => (
                          <li key={`d${i}`} className={line.kind === 'warning' ? 'issue-warning' : undefined}>
                            {line.text}
                          </li>
                        ))}
                      </ul>
                      {offer &&
                        (offer.switchable ? (
                          <button type="button" disabled={busy} onClick={() => importAsYear(r, offer.year)}>
                            Chuyển sang năm {offer.year} và nhập
                          </button>
                        ) : (
                          <p className="muted" data-testid="other-year-missing">
                            Tệp dữ liệu chưa có kỳ đánh giá năm {offer.year}; hãy thêm kỳ năm {offer.year} (ô &quot;Năm mới&quot; ở trên) rồi nhập lại tệp này.
                          </p>
                        ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      <PastImports history={history} />
    </div>
  );
}
