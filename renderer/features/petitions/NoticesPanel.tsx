// Notices out and petitions in: the preliminary notices of every unit that sent its
// self-assessment, written into a folder; the notices units return, read into petitions, with a
// line per file (refusals named by sheet and cell).
import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { formatNumber } from '../../../shared/format';
import { useAction } from '../../app/messages';
import { importReturned, writeNotices } from './hooks';

type ImportReport = Extract<ChannelOutput<'petitions:import'>, { cancelled: false }>['value'];
const STATUS = { imported: 'Đã nhận', unchanged: 'Không thay đổi', refused: 'Bị từ chối' } as const;

export function NoticesPanel({ year, locked, onChange }: { year: number; locked: boolean; onChange(): void }) {
  const { run, busy } = useAction();
  const [report, setReport] = useState<ImportReport | null>(null);
  const write = () =>
    run(() => writeNotices(year), {
      done: (r) => {
        if (r.cancelled) return null;
        onChange();
        return `Đã lập ${formatNumber(r.value.notices.length)} thông báo kết quả thẩm định sơ bộ vào thư mục ${r.value.folder}.`;
      },
    });
  const take = () =>
    run(() => importReturned(year), {
      done: (r) => {
        if (r.cancelled) return null;
        setReport(r.value);
        onChange();
        const refused = r.value.filter((x) => x.status === 'refused').length;
        const documents = r.value.reduce((n, x) => n + x.documents, 0);
        return {
          kind: refused ? 'error' : 'info',
          text:
            `Đã xử lý ${formatNumber(r.value.length)} thông báo: ${formatNumber(r.value.reduce((n, x) => n + x.changes, 0))} kiến nghị` +
            `${documents ? `, ${formatNumber(documents)} tài liệu bổ sung` : ''}${refused ? `, ${formatNumber(refused)} tệp bị từ chối` : ''}.`,
        };
      },
    });
  return (
    <section className="card" data-testid="notices">
      <div className="toolbar">
        <button type="button" disabled={busy || locked} onClick={() => void write()}>
          Lập thông báo sơ bộ…
        </button>
        <button type="button" className="primary" disabled={busy || locked} onClick={() => void take()}>
          Nhận kiến nghị…
        </button>
      </div>
      {report && (
        <table className="table" data-testid="petition-report">
          <thead>
            <tr>
              <th>Tệp</th>
              <th>Đơn vị</th>
              <th>Kết quả</th>
              <th className="num">Kiến nghị</th>
              <th>Lỗi, lưu ý</th>
            </tr>
          </thead>
          <tbody>
            {report.map((r) => (
              <tr key={r.file}>
                <td>{r.file}</td>
                <td>{r.unit ?? '—'}</td>
                <td className={r.status === 'refused' ? 'status-missing' : undefined}>{STATUS[r.status]}</td>
                <td className="num">{formatNumber(r.changes)}</td>
                <td>
                  {[...r.errors, ...r.warnings].map((p, i) => (
                    <div key={i}>
                      {p.sheet ? `Trang ${p.sheet}` : ''}
                      {p.cell ? `, ô ${p.cell}` : ''}
                      {p.sheet || p.cell ? ': ' : ''}
                      {p.message}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
