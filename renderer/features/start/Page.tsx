import type { Session } from '../../../shared/contract';
import { formatDate } from '../../../shared/format';
import appIcon from '../../../resources/icons/icon.svg';
import type { WorkspaceActions } from './hooks';

/** The start screen: no workspace is open. */
export function StartPage({ recent, actions }: { recent: Session['recent']; actions: WorkspaceActions }) {
  return (
    <main className="start">
      <header className="start-header">
        <img className="brand-mark" src={appIcon} alt="" />
        <div>
          <h1>PAR Workbench</h1>
          <p>Chấm điểm, thẩm định và xếp hạng Chỉ số cải cách hành chính; khảo sát SIPAS.</p>
        </div>
      </header>
      <section className="start-actions" aria-label="Bắt đầu">
        <button type="button" className="start-card" onClick={actions.create}>
          <strong>Tạo mới</strong>
          <span>Tạo một tệp dữ liệu mới cho kỳ đánh giá</span>
        </button>
        <button type="button" className="start-card" onClick={actions.open}>
          <strong>Mở</strong>
          <span>Mở một tệp dữ liệu (.parws) đã có</span>
        </button>
        <button type="button" className="start-card" onClick={actions.openSample}>
          <strong>Mở dữ liệu mẫu</strong>
          <span>Tỉnh Mẫu, năm 2023–2025, để làm quen</span>
        </button>
        <button type="button" className="start-card" onClick={actions.backupFile}>
          <strong>Sao lưu</strong>
          <span>Chép một tệp dữ liệu ra bản sao lưu</span>
        </button>
        <button type="button" className="start-card" onClick={actions.restore}>
          <strong>Khôi phục</strong>
          <span>Khôi phục tệp dữ liệu từ một bản sao lưu</span>
        </button>
      </section>
      <section className="start-recent">
        <h2>Mở gần đây</h2>
        {recent.length === 0 ? (
          <p className="muted">Chưa mở tệp dữ liệu nào.</p>
        ) : (
          <ul>
            {recent.map((r) => (
              <li key={r.file}>
                <button type="button" className="link" disabled={!r.exists} onClick={() => actions.openRecent(r.file)}>
                  {r.name}
                </button>
                <span className="muted path">{r.file}</span>
                <span className="muted">{r.exists ? `mở ngày ${formatDate(r.openedAt)}` : 'không còn tệp này'}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
