// Survey points into the PAR index: which index each survey leaf of the year's frameworks
// takes its points from (overall, an area or a factor), and "apply" writing index × maximum
// / 100 as the appraised score of every unit with survey data, with an audit entry.
import type { SurveyLeaf } from '../../../shared/survey/channels';
import { formatDecimal, formatNumber, formatPercent } from '../../../shared/format';
import type { SurveyDefinition, SurveyLinkInfo } from '../../../shared/survey';
import { useSurveyLinks } from './hooks';
import { describeTarget, targetKey } from './model';

export interface LinksPanelProps {
  year: number;
  locked: boolean;
  definition: SurveyDefinition;
  leaves: SurveyLeaf[];
  links: SurveyLinkInfo[];
  hasForms: boolean;
  onChanged(): void;
}

export function LinksPanel({ year, locked, definition, leaves, links, hasForms, onChanged }: LinksPanelProps) {
  const { report, applying: busy, setTarget, apply } = useSurveyLinks(year, onChanged);
  const linkOf = (leaf: SurveyLeaf) => links.find((l) => l.blockCode === leaf.blockCode && l.criterionCode === leaf.criterionCode);

  const reportLinks = report ? new Map(report.links.map((l) => [`${l.blockCode}|${l.criterionCode}`, l])) : null;
  return (
    <div className="sipas-links">
      <section className="card">
        <h3>Tiêu chí chấm qua điều tra xã hội học năm {year}</h3>
        <p className="muted small-text">
          Điểm của tiêu chí = chỉ số hài lòng (%) × điểm tối đa / 100, ghi làm điểm thẩm định của từng đơn vị có phiếu khảo sát, kèm nhật
          ký. Tiêu chí đã liên kết được cập nhật lại mỗi khi nhập hoặc xóa dữ liệu khảo sát.
        </p>
        {leaves.length === 0 ? (
          <p className="muted">Bộ chỉ số năm {year} chưa có tiêu chí nào có nguồn điểm là điều tra xã hội học.</p>
        ) : (
          <table className="table sipas-table" data-testid="sipas-leaves">
            <thead>
              <tr>
                <th>Khối</th>
                <th>Tiêu chí</th>
                <th className="num">Điểm tối đa</th>
                <th>Lấy điểm từ</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {leaves.map((leaf) => {
                const link = linkOf(leaf);
                return (
                  <tr key={`${leaf.blockCode}|${leaf.criterionCode}`}>
                    <td>{leaf.blockName}</td>
                    <td>
                      <strong>{leaf.criterionCode}</strong> {leaf.title}
                    </td>
                    <td className="num">{formatNumber(leaf.maxPoints)}</td>
                    <td>
                      <select
                        value={targetKey(link)}
                        onChange={(e) => setTarget(leaf.blockCode, leaf.criterionCode, e.target.value)}
                        aria-label={`Chỉ số cho tiêu chí ${leaf.criterionCode} khối ${leaf.blockName}`}
                      >
                        <option value="">— Chưa liên kết —</option>
                        <option value="overall">Chỉ số hài lòng chung</option>
                        {definition.areas.map((a) => (
                          <optgroup key={a.code} label={`Lĩnh vực ${a.code}. ${a.name}`}>
                            <option value={`area:${a.code}`}>
                              {a.code}. {a.name} (cả lĩnh vực)
                            </option>
                            {definition.factors
                              .filter((f) => f.areaCode === a.code)
                              .map((f) => (
                                <option key={f.code} value={`factor:${f.code}`}>
                                  {f.code}. {f.name}
                                </option>
                              ))}
                          </optgroup>
                        ))}
                      </select>
                    </td>
                    <td className="muted small-text">{link ? (link.automatic ? 'tự nhận theo tên tiêu chí' : 'đã lưu') : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <div className="toolbar sipas-apply">
          <button type="button" className="primary" disabled={busy || locked || links.length === 0 || !hasForms} onClick={apply}>
            Áp dụng điểm khảo sát
          </button>
          {locked && <span className="muted">Năm {year} đã công bố (khóa): không ghi được điểm.</span>}
          {!locked && !hasForms && <span className="muted">Năm {year} chưa có phiếu khảo sát nào.</span>}
          {!locked && hasForms && links.length === 0 && <span className="muted">Hãy liên kết ít nhất một tiêu chí với một chỉ số.</span>}
        </div>
      </section>
      {report && reportLinks && (
        <section className="card" data-testid="sipas-apply-report">
          <h3>Điểm khảo sát đã ghi</h3>
          <table className="table sipas-table">
            <thead>
              <tr>
                <th>Đơn vị</th>
                <th>Tiêu chí</th>
                <th>Lấy từ</th>
                <th className="num">Chỉ số</th>
                <th className="num">Điểm tối đa</th>
                <th className="num">Điểm</th>
              </tr>
            </thead>
            <tbody>
              {report.applied.map((a) => {
                const link = reportLinks.get(`${a.blockCode}|${a.criterionCode}`)!;
                return (
                  <tr key={`${a.unitCode}|${a.criterionCode}`} data-unit={a.unitCode}>
                    <td>{a.unitName}</td>
                    <td>{a.criterionCode}</td>
                    <td>{describeTarget(link, definition)}</td>
                    <td className="num">{formatPercent(a.index)}</td>
                    <td className="num">{formatNumber(link.maxPoints)}</td>
                    <td className="num">
                      <strong>{formatDecimal(a.points)}</strong>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {report.skipped.length > 0 && (
            <ul className="issues">
              {report.skipped.map((s) => (
                <li key={`${s.unitCode}|${s.criterionCode}`} className="issue-warning">
                  {s.unitName}: bỏ qua tiêu chí {s.criterionCode} — {s.reason}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
