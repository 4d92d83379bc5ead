import { useState } from 'react';
import type { FormImportResultOutput } from '../../../shared/contract';
import { formatNumber } from '../../../shared/format';
import { call, messageOf } from '../../app/api';
import { FORM_STATUS_LABELS } from '../../app/labels';
import type { PageProps } from '../../app/Shell';

interface Progress {
  done: number;
  total: number;
  file: string;
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

export function FormsPage({ workspace, year, setMessage }: PageProps) {
  const blocks = workspace.blocks.filter((b) => workspace.frameworks.some((f) => f.year === year && f.blockCode === b.code));
  const [blockCode, setBlockCode] = useState<string>('');
  const [generating, setGenerating] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [results, setResults] = useState<FormImportResultOutput[]>([]);
  const [over, setOver] = useState(false);

  const generate = async () => {
    setGenerating(true);
    try {
      const r = await call('forms:generate', { year, blockCode: blockCode || null });
      if (!r.cancelled) setMessage({ kind: 'info', text: `Đã tạo ${formatNumber(r.value.files)} biểu mẫu tự đánh giá năm ${year} trong thư mục ${r.value.folder}.` });
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    } finally {
      setGenerating(false);
    }
  };

  const importFiles = async (files: string[]) => {
    if (files.length === 0) {
      setMessage({ kind: 'warning', text: 'Không tìm thấy biểu mẫu Excel (.xlsx) nào trong những gì đã chọn.' });
      return;
    }
    setResults([]);
    setMessage(null);
    const done: FormImportResultOutput[] = [];
    for (const [i, file] of files.entries()) {
      setProgress({ done: i, total: files.length, file: baseName(file) });
      try {
        done.push(await call('forms:importOne', { year, file }));
      } catch (e) {
        done.push({
          file: baseName(file),
          path: file,
          status: 'refused',
          unit: null,
          unitName: null,
          year: null,
          matchedBy: null,
          submissionId: null,
          errors: [{ message: messageOf(e) }],
          warnings: [],
          changes: 0,
          flaggedForReappraisal: [],
        });
      }
      setResults([...done]);
    }
    setProgress({ done: files.length, total: files.length, file: '' });
    const refused = done.filter((r) => r.status === 'refused').length;
    setMessage({
      kind: refused ? 'warning' : 'info',
      text: `Đã xử lý ${formatNumber(done.length)} tệp: ${formatNumber(done.filter((r) => r.status === 'imported').length)} đã nhập, ${formatNumber(done.filter((r) => r.status === 'unchanged').length)} không thay đổi, ${formatNumber(refused)} bị từ chối.`,
    });
  };

  const pick = async () => {
    try {
      const r = await call('forms:pickReturned', {});
      if (!r.cancelled) await importFiles(r.value.files);
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  const onDrop = async (event: React.DragEvent) => {
    event.preventDefault();
    setOver(false);
    const pathOf = window.appFiles?.pathOf;
    const paths = [...event.dataTransfer.files].map((f) => (pathOf ? pathOf(f) : '')).filter(Boolean);
    if (paths.length === 0) return setMessage({ kind: 'warning', text: 'Không đọc được đường dẫn của tệp vừa thả; hãy dùng nút "Chọn tệp".' });
    try {
      await importFiles((await call('forms:expand', { paths })).files);
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  const exportReport = async () => {
    try {
      const r = await call('forms:exportReport', { results });
      if (!r.cancelled) setMessage({ kind: 'info', text: `Đã xuất báo cáo nhập biểu mẫu ra tệp ${r.value.file}.` });
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  const busy = progress !== null && progress.done < progress.total;
  return (
    <div className="forms">
      <section className="card">
        <h3>Gửi biểu mẫu tự đánh giá</h3>
        <div className="toolbar">
          <label>
            Khối
            <select value={blockCode} onChange={(e) => setBlockCode(e.target.value)} aria-label="Khối cần tạo biểu mẫu">
              <option value="">Tất cả các khối</option>
              {blocks.map((b) => (
                <option key={b.code} value={b.code}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" disabled={generating || blocks.length === 0} onClick={generate}>
            {generating ? 'Đang tạo biểu mẫu…' : 'Tạo biểu mẫu cho các đơn vị…'}
          </button>
          <span className="muted">Mỗi đơn vị một tệp Excel có sẵn bộ chỉ số năm {year}, để đơn vị tự chấm, ghi tài liệu kiểm chứng và giải trình.</span>
        </div>
      </section>
      <section className="card">
        <h3>Nhận biểu mẫu đơn vị gửi về</h3>
        <div
          className={`dropzone${over ? ' over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
          data-testid="dropzone"
        >
          <p>Kéo và thả các tệp (hoặc thư mục) biểu mẫu vào đây</p>
          <button type="button" disabled={busy} onClick={pick}>
            Chọn tệp…
          </button>
        </div>
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
                <th className="num">Số thay đổi</th>
                <th>Lỗi và cảnh báo</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.path}>
                  <td>{r.file}</td>
                  <td>{r.unitName ?? '—'}</td>
                  <td className={`status-${r.status === 'refused' ? 'error' : r.warnings.length ? 'warning' : 'ok'}`}>{FORM_STATUS_LABELS[r.status] ?? r.status}</td>
                  <td className="num">{formatNumber(r.changes)}</td>
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
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
