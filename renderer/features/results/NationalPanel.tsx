// Kết quả's national tables: MOHA's ranking of all provinces imported per year (the file picked
// in a dialog, our province named in a field that defaults to the kept setting), and the years
// imported listed with our province's index, rank "23/63" and change on the year before.
import { useState } from 'react';
import { describeChange, formatNumber, formatPercent } from '../../../shared/format';
import { useAction } from '../../app/messages';
import { importNational, useNationalTables } from './hooks';

export function NationalPanel({ year }: { year: number }) {
  const { tables, reload } = useNationalTables();
  const { run, busy } = useAction();
  const [tableYear, setTableYear] = useState(String(year));
  // the field shows the kept name until the person types another
  const [typed, setOurs] = useState<string | null>(null);
  const ours = typed ?? tables?.ours ?? '';
  const parsedYear = /^\d{4}$/.test(tableYear.trim()) ? Number(tableYear.trim()) : null;
  const start = () =>
    void run(() => importNational(parsedYear!, ours.trim() || null), {
      refused: 'Chưa nhập bảng xếp hạng toàn quốc.',
      done: (answer) => {
        if (answer.cancelled) return null;
        // the field shows the name as the table writes it, now kept
        setOurs(null);
        reload();
        const s = answer.value;
        const text =
          `Đã nhập bảng xếp hạng toàn quốc năm ${s.year}: ${formatNumber(s.provinces)} tỉnh, thành phố` +
          (s.ours ? `; tỉnh của chúng ta: ${s.ours}` : '') +
          '.' +
          (s.lineageQuestions.length ? ` Chưa so sánh được với năm trước: ${s.lineageQuestions.join(', ')} (cần khai báo tiền thân).` : '') +
          (s.warnings.length ? ` ${formatNumber(s.warnings.length)} cảnh báo: ${s.warnings.map((w) => w.message).join(' ')}` : '');
        return s.warnings.length || s.lineageQuestions.length ? { kind: 'warning', text } : text;
      },
    });
  const years = tables?.years ?? [];
  return (
    <section className="card national-tables" aria-label="Bảng xếp hạng toàn quốc" data-testid="national-tables">
      <div className="toolbar">
        <h3>Bảng xếp hạng toàn quốc</h3>
        <label>
          Năm{' '}
          <input className="national-year" inputMode="numeric" value={tableYear} onChange={(e) => setTableYear(e.target.value)} aria-label="Năm của bảng xếp hạng toàn quốc" />
        </label>
        <label>
          Tỉnh của chúng ta{' '}
          <input value={ours} onChange={(e) => setOurs(e.target.value)} placeholder="ví dụ Lạng Sơn" aria-label="Tỉnh của chúng ta" />
        </label>
        <button
          type="button"
          disabled={busy || parsedYear === null}
          title="Bảng Chỉ số CCHC (và SIPAS) các tỉnh, thành phố do Bộ Nội vụ công bố (.xlsx hoặc .csv): Tỉnh, thành phố; điểm từng lĩnh vực; Chỉ số"
          onClick={start}
        >
          Nhập bảng xếp hạng toàn quốc…
        </button>
      </div>
      {years.length === 0 ? (
        <p className="muted">Chưa nhập bảng xếp hạng toàn quốc nào.</p>
      ) : (
        <table className="table national-years" data-testid="national-years">
          <thead>
            <tr>
              <th>Năm</th>
              <th>Tệp</th>
              <th className="num">Số tỉnh, thành phố</th>
              <th>Tỉnh của chúng ta</th>
              <th className="num">Chỉ số</th>
              <th className="num">Xếp hạng</th>
              <th>So với năm trước</th>
            </tr>
          </thead>
          <tbody>
            {years.map((t) => (
              <tr key={t.year} data-testid={`national-${t.year}`}>
                <td>{t.year}</td>
                <td>
                  {t.fileName}
                  {t.warnings > 0 && <span className="issue-warning"> · {formatNumber(t.warnings)} cảnh báo</span>}
                </td>
                <td className="num">{formatNumber(t.provinces)}</td>
                <td>{t.ours?.name ?? <span className="muted">không có trong bảng</span>}</td>
                <td className="num">{t.ours ? formatPercent(t.ours.index) : ''}</td>
                <td className="num" data-testid={`national-rank-${t.year}`}>
                  {t.ours?.rank != null ? `${t.ours.rank}/${t.provinces}` : ''}
                </td>
                <td>
                  {t.ours?.previousYear != null
                    ? `${describeChange(t.ours.deltaIndex, t.ours.deltaRank) ?? ''} so với năm ${t.ours.previousYear}`
                    : <span className="muted">chưa có năm trước</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
