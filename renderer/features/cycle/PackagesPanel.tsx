// Hồ sơ thẩm định on the Hội đồng screen: packages out to the members and back, with the
// report per file and the conflicts to resolve (keep the value in the app, or take the package's).
import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { useAction } from '../../app/messages';
import { importPackages, resolveConflict, usePackages, writePackages } from './council-hooks';

type ImportReport = Extract<ChannelOutput<'council:importPackages'>, { cancelled: false }>['value'];

const STATUS: Record<ImportReport[number]['status'], string> = { imported: 'Đã nhập', unchanged: 'Không thay đổi', refused: 'Bị từ chối' };
const score = (v: number | null) => (v === null ? 'trống' : formatNumber(v, 4));

export function PackagesPanel({ year, onChange }: { year: number; onChange(): void }) {
  const { packages, reload } = usePackages(year);
  const [prefer, setPrefer] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const { run, busy } = useAction();
  const write = () =>
    run(() => writePackages(year), {
      done: (r) => {
        if (r.cancelled) return null;
        reload();
        return `Đã lập ${formatNumber(r.value.packages.length)} hồ sơ thẩm định vào thư mục ${r.value.folder}.`;
      },
    });
  const take = () =>
    run(() => importPackages(year, prefer), {
      done: (r) => {
        if (r.cancelled) return null;
        setReport(r.value);
        reload();
        onChange();
        const refused = r.value.filter((x) => x.status === 'refused').length;
        const conflicts = r.value.reduce((n, x) => n + x.conflicts.length, 0);
        return {
          kind: refused ? 'error' : 'info',
          text: `Đã xử lý ${formatNumber(r.value.length)} hồ sơ: ${formatNumber(r.value.reduce((n, x) => n + x.changes, 0))} thay đổi${conflicts ? `, ${formatNumber(conflicts)} xung đột` : ''}${refused ? `, ${formatNumber(refused)} hồ sơ bị từ chối` : ''}.`,
        };
      },
    });
  const resolve = (id: number, resolution: 'keep' | 'package') =>
    run(() => resolveConflict(year, id, resolution), {
      done: () => {
        reload();
        onChange();
        return resolution === 'keep' ? 'Đã giữ điểm hiện tại.' : 'Đã lấy điểm của hồ sơ thẩm định.';
      },
    });
  return (
    <section className="card" data-testid="packages">
      <h3>Hồ sơ thẩm định của thành viên</h3>
      <div className="toolbar">
        <button type="button" disabled={busy} onClick={() => void write()}>
          Lập hồ sơ thẩm định…
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void take()}>
          Nhận hồ sơ thẩm định…
        </button>
        <label>
          <input type="checkbox" checked={prefer} onChange={(e) => setPrefer(e.target.checked)} /> Khi xung đột, lấy điểm của hồ sơ
        </label>
      </div>
      {report && (
        <table className="table" data-testid="package-report">
          <thead>
            <tr>
              <th>Tệp</th>
              <th>Thành viên</th>
              <th>Kết quả</th>
              <th className="num">Thay đổi</th>
              <th>Lỗi, lưu ý</th>
            </tr>
          </thead>
          <tbody>
            {report.map((r) => (
              <tr key={r.file}>
                <td>{r.file}</td>
                <td>{r.member ?? '—'}</td>
                <td className={r.status === 'refused' ? 'status-missing' : undefined}>{STATUS[r.status]}</td>
                <td className="num">{formatNumber(r.changes)}</td>
                <td>
                  {[...r.errors, ...r.warnings].map((p, i) => (
                    <div key={i}>
                      {p.cell ? `Ô ${p.cell}: ` : ''}
                      {p.message}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {packages && packages.conflicts.length > 0 && (
        <>
          <h4>Xung đột cần giải quyết ({formatNumber(packages.conflicts.length)})</h4>
          <table className="table conflict-list" data-testid="conflicts">
            <thead>
              <tr>
                <th>Đơn vị</th>
                <th>Tiêu chí</th>
                <th>Thành viên</th>
                <th className="num">Điểm khi lập hồ sơ</th>
                <th className="num">Điểm của hồ sơ</th>
                <th className="num">Điểm hiện tại</th>
                <th>Người sửa</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {packages.conflicts.map((c) => (
                <tr key={c.id}>
                  <td>{c.unitName}</td>
                  <td>{c.criterionCode}</td>
                  <td>
                    {c.memberName}
                    {c.packageRemark && <div className="muted small-text">{c.packageRemark}</div>}
                  </td>
                  <td className="num">{score(c.issuedValue)}</td>
                  <td className="num">{score(c.packageValue)}</td>
                  <td className="num">{score(c.currentValue)}</td>
                  <td>{c.changedBy ? `${c.changedBy}, ${formatDateTime(c.changedAt!)}` : '—'}</td>
                  <td>
                    <button type="button" disabled={busy} onClick={() => void resolve(c.id, 'keep')}>
                      Giữ điểm hiện tại
                    </button>{' '}
                    <button type="button" disabled={busy} onClick={() => void resolve(c.id, 'package')}>
                      Lấy điểm của hồ sơ
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {packages && packages.packages.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Thành viên</th>
              <th>Tệp</th>
              <th>Lập lúc</th>
              <th className="num">Số dòng</th>
              <th>Nhận lại</th>
            </tr>
          </thead>
          <tbody>
            {packages.packages.map((p) => (
              <tr key={p.id}>
                <td>{p.memberName}</td>
                <td>{p.fileName}</td>
                <td>{formatDateTime(p.issuedAt)}</td>
                <td className="num">{formatNumber(p.rows)}</td>
                <td>{p.imports ? `${formatNumber(p.imports)} lần, lần cuối ${formatDateTime(p.lastImportAt!)}` : 'Chưa'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
