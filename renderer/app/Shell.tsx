// The open workspace: the sidebar of pages, the top bar (year, a new year, backup, close),
// the message bar and the page, drawn anew for each page, year and file.
import { useState } from 'react';
import type { Session } from '../../shared/contract';
import { isValidYear } from '../../shared/domain';
import { useMayLeave } from './leave-guard';
import appIcon from '../../resources/icons/icon.svg';
import { AppraisalPage } from '../features/appraisal/Page';
import { ComparePage } from '../features/compare/Page';
import { CouncilPage } from '../features/cycle/CouncilPage';
import { ProgressPage } from '../features/cycle/ProgressPage';
import { PublicationBar } from '../features/cycle/PublicationBar';
import '../features/cycle/cycle.css';
import { FormsPage } from '../features/forms/Page';
import { FrameworkPage } from '../features/framework/Page';
import { OverviewPage } from '../features/overview/Page';
import { PetitionsPage } from '../features/petitions/Page';
import { ResultsPage } from '../features/results/Page';
import { SettingsPage } from '../features/settings/Page';
import { SurveyPage } from '../features/survey/Page';
import { UnitsPage } from '../features/units/Page';
import { call } from './api';
import { MessageBar } from './MessageBar';
import { useAction, useMessages } from './messages';
import { PAGES, type PageKey } from './navigation';
import type { PageProps } from './page';

interface ShellProps {
  session: Session;
  page: PageKey;
  setPage(page: PageKey): void;
  onSession(session: Session): void;
  onBackup(): void;
  onClose(): void;
}

const PAGE_COMPONENTS: Record<PageKey, (props: PageProps) => React.ReactNode> = {
  overview: OverviewPage,
  framework: FrameworkPage,
  units: UnitsPage,
  forms: FormsPage,
  appraisal: AppraisalPage,
  progress: ProgressPage,
  council: CouncilPage,
  petitions: PetitionsPage,
  results: ResultsPage,
  compare: ComparePage,
  survey: SurveyPage,
  settings: SettingsPage,
};

export function Shell({ session, page, setPage, onSession, onBackup, onClose }: ShellProps) {
  const { clear } = useMessages();
  const mayLeave = useMayLeave();
  const workspace = session.workspace!;
  const years = workspace.periods.map((p) => p.year);
  const [chosenYear, setYear] = useState<number | null>(null);
  // the year chosen while the workspace has it, else its latest
  const year = chosenYear !== null && years.includes(chosenYear) ? chosenYear : (years[years.length - 1] ?? new Date().getFullYear());
  const period = workspace.periods.find((p) => p.year === year);
  const Page = PAGE_COMPONENTS[page];
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
              if (p.key === page || !mayLeave()) return;
              clear();
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
            <select value={year} onChange={(e) => mayLeave() && setYear(Number(e.target.value))} aria-label="Năm đánh giá">
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          {period && <PublicationBar key={year} year={year} locked={period.locked} onSession={onSession} />}
          <AddYear
            onAdded={(next, y) => {
              onSession(next);
              if (mayLeave()) setYear(y);
            }}
          />
          <span className="spacer" />
          <button type="button" onClick={onBackup}>
            Sao lưu
          </button>
          <button type="button" onClick={onClose}>
            Đóng tệp
          </button>
        </header>
        {workspace.notice && (
          <div className="message message-warning" role="status" data-testid="workspace-notice">
            <div className="message-text">{workspace.notice}</div>
          </div>
        )}
        <MessageBar />
        <section className="page" key={`${page}-${year}-${workspace.file}`}>
          <Page
            workspace={workspace}
            year={year}
            onSession={onSession}
            onNavigate={(key) => key !== page && mayLeave() && setPage(key)}
            onYear={(y) => {
              if (!years.includes(y) || !mayLeave()) return false;
              setYear(y);
              return true;
            }}
          />
        </section>
      </div>
    </div>
  );
}

/** A new year typed in the top bar: its period is added and chosen. */
function AddYear({ onAdded }: { onAdded(session: Session, year: number): void }) {
  const { show } = useMessages();
  const { run } = useAction();
  const [text, setText] = useState('');
  const add = () => {
    const y = Number(text);
    if (!isValidYear(y)) {
      show({ kind: 'error', text: `Năm "${text}" không hợp lệ; hãy nhập năm bốn chữ số, ví dụ 2026.` });
      return;
    }
    void run(
      async () => {
        onAdded(await call('workspace:ensureYear', { year: y }), y);
        setText('');
      },
      { done: `Đã thêm kỳ đánh giá năm ${y}.` },
    );
  };
  return (
    <>
      <input className="year-input" value={text} onChange={(e) => setText(e.target.value)} placeholder="Năm mới" aria-label="Năm mới" inputMode="numeric" />
      <button type="button" onClick={add}>
        Thêm kỳ
      </button>
    </>
  );
}
