import { useEffect, useState } from 'react';
import type { Session } from '../../shared/contract';
import appIcon from '../../resources/icons/icon.svg';
import { call, messageOf } from './api';
import { MessageBar, type Message } from './MessageBar';
import { AppraisalPage } from '../features/appraisal/Page';
import { FormsPage } from '../features/forms/Page';
import { FrameworkPage } from '../features/framework/Page';
import { OverviewPage } from '../features/overview/Page';
import { ComparePage } from '../features/compare/Page';
import { ResultsPage } from '../features/results/Page';
import { SipasPage } from '../features/survey/Page';
import { UnitsPage } from '../features/units/Page';

export type PageKey = 'overview' | 'framework' | 'units' | 'forms' | 'appraisal' | 'results' | 'compare' | 'sipas';

const PAGES: { key: PageKey; label: string }[] = [
  { key: 'overview', label: 'Tổng quan' },
  { key: 'framework', label: 'Bộ chỉ số' },
  { key: 'units', label: 'Đơn vị' },
  { key: 'forms', label: 'Biểu mẫu' },
  { key: 'appraisal', label: 'Thẩm định' },
  { key: 'results', label: 'Kết quả' },
  { key: 'compare', label: 'So sánh' },
  { key: 'sipas', label: 'Khảo sát SIPAS' },
];

export interface PageProps {
  session: Session;
  workspace: NonNullable<Session['workspace']>;
  year: number;
  onSession(session: Session): void;
  setMessage(message: Message | null): void;
}

interface ShellProps {
  session: Session;
  page: PageKey;
  setPage(page: PageKey): void;
  onSession(session: Session): void;
  onBackup(): void;
  onClose(): void;
  message: Message | null;
  setMessage(message: Message | null): void;
}

export function Shell({ session, page, setPage, onSession, onBackup, onClose, message, setMessage }: ShellProps) {
  const workspace = session.workspace!;
  const years = workspace.periods.map((p) => p.year);
  const [year, setYear] = useState(() => years[years.length - 1] ?? new Date().getFullYear());
  const [newYear, setNewYear] = useState('');
  useEffect(() => {
    if (!years.includes(year) && years.length) setYear(years[years.length - 1]);
  }, [workspace.file]);

  const addYear = async () => {
    const y = Number(newYear);
    if (!Number.isInteger(y) || y < 1990 || y > 2200) {
      setMessage({ kind: 'error', text: `Năm "${newYear}" không hợp lệ; hãy nhập năm bốn chữ số, ví dụ 2026.` });
      return;
    }
    try {
      onSession(await call('workspace:ensureYear', { year: y }));
      setYear(y);
      setNewYear('');
      setMessage({ kind: 'info', text: `Đã thêm kỳ đánh giá năm ${y}.` });
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  const period = workspace.periods.find((p) => p.year === year);
  const props: PageProps = { session, workspace, year, onSession, setMessage };
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Chức năng">
        <div className="sidebar-brand">
          <img className="brand-mark small" src={appIcon} alt="" />
          <span>PAR Workbench</span>
        </div>
        {PAGES.map((p) => (
          <button
            key={p.key}
            type="button"
            className={`nav-item${page === p.key ? ' active' : ''}`}
            aria-current={page === p.key ? 'page' : undefined}
            onClick={() => {
              setMessage(null);
              setPage(p.key);
            }}
          >
            {p.label}
          </button>
        ))}
      </nav>
      <div className="main">
        <header className="topbar">
          <div className="topbar-title">
            <strong title={workspace.file}>{workspace.province ?? workspace.name}</strong>
            {workspace.sample && <span className="badge badge-sample">Dữ liệu mẫu</span>}
            <span className="muted small-text">{workspace.name}</span>
          </div>
          <label className="year-picker">
            Năm đánh giá
            <select value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label="Năm đánh giá">
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          {period?.locked && <span className="badge badge-locked">Đã công bố (khóa)</span>}
          <input
            className="year-input"
            value={newYear}
            onChange={(e) => setNewYear(e.target.value)}
            placeholder="Năm mới"
            aria-label="Năm mới"
            inputMode="numeric"
          />
          <button type="button" onClick={addYear}>
            Thêm kỳ
          </button>
          <span className="spacer" />
          <button type="button" onClick={onBackup}>
            Sao lưu
          </button>
          <button type="button" onClick={onClose}>
            Đóng tệp
          </button>
        </header>
        <MessageBar message={message} onClose={() => setMessage(null)} />
        <section className="page" key={`${page}-${year}-${workspace.file}`}>
          {page === 'overview' && <OverviewPage {...props} />}
          {page === 'framework' && <FrameworkPage {...props} />}
          {page === 'units' && <UnitsPage {...props} />}
          {page === 'forms' && <FormsPage {...props} />}
          {page === 'appraisal' && <AppraisalPage {...props} />}
          {page === 'results' && <ResultsPage {...props} />}
          {page === 'compare' && <ComparePage {...props} />}
          {page === 'sipas' && <SipasPage {...props} />}
        </section>
      </div>
    </div>
  );
}
