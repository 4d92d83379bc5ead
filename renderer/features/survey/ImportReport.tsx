import { formatNumber } from '../../../shared/format';
import type { SurveyImportReport } from '../../../shared/survey';

/** What an import did: forms read, valid and dropped, per unit; the survey points it updated. */
export function ImportReport({ report }: { report: SurveyImportReport }) {
  return (
    <section className="card" data-testid="sipas-report">
      <h3>
        Kết quả nhập tệp {report.fileName} <span className="muted">(lần nhập số {report.importId})</span>
      </h3>
      <dl className="stats sipas-stats">
        <div>
          <dt>Phiếu trong tệp</dt>
          <dd>{formatNumber(report.forms)}</dd>
        </div>
        <div>
          <dt>Phiếu hợp lệ</dt>
          <dd>{formatNumber(report.validForms)}</dd>
        </div>
        <div>
          <dt>Phiếu bị loại (trả lời quá ít câu hỏi)</dt>
          <dd className={report.invalidForms ? 'warn' : undefined}>{formatNumber(report.invalidForms)}</dd>
        </div>
        <div>
          <dt>Câu hỏi có cột trong tệp</dt>
          <dd>{formatNumber(report.mapping.items.length)}</dd>
        </div>
      </dl>
      {report.mapping.ignored.length > 0 && <p className="muted small-text">Cột không dùng: {report.mapping.ignored.map((h) => `"${h}"`).join(', ')}.</p>}
      <table className="table sipas-table">
        <thead>
          <tr>
            <th>Mã</th>
            <th>Đơn vị</th>
            <th className="num">Phiếu</th>
            <th className="num">Hợp lệ</th>
            <th className="num">Bị loại</th>
          </tr>
        </thead>
        <tbody>
          {report.units.map((u) => (
            <tr key={u.code}>
              <td>{u.code}</td>
              <td>{u.name}</td>
              <td className="num">{formatNumber(u.forms)}</td>
              <td className="num">{formatNumber(u.validForms)}</td>
              <td className="num">{formatNumber(u.forms - u.validForms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.pointsUpdated > 0 && (
        <p className="small-text">Đã cập nhật điểm khảo sát của các tiêu chí liên kết ({formatNumber(report.pointsUpdated)} thay đổi, có ghi nhật ký).</p>
      )}
    </section>
  );
}
