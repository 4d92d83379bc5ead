// The app: the start screen while no workspace is open, else the shell with its pages; the
// main process's menu reaches the same actions.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MenuCommand, Session } from '../../shared/contract';
import { StartPage } from '../features/start/Page';
import { useSession, useWorkspaceActions } from '../features/start/hooks';
import { LeaveGuardProvider, useMayLeave } from './leave-guard';
import { MessageBar } from './MessageBar';
import { MessagesProvider, useMessages } from './messages';
import type { PageKey } from './navigation';
import { Shell } from './Shell';

export function App() {
  return (
    <MessagesProvider>
      <LeaveGuardProvider>
        <Workbench />
      </LeaveGuardProvider>
    </MessagesProvider>
  );
}

const ABOUT = 'PAR Workbench: chấm điểm, thẩm định và xếp hạng Chỉ số cải cách hành chính (CCHC) và SIPAS.';

function Workbench() {
  const { show, clear } = useMessages();
  const { session, setSession } = useSession();
  const [page, setPage] = useState<PageKey>('overview');
  const onOpened = useCallback(
    (next: Session) => {
      setSession(next);
      setPage('overview');
      clear();
    },
    [setSession, clear],
  );
  const opening = useWorkspaceActions(onOpened);
  const mayLeave = useMayLeave();
  // opening or closing another file leaves the screen: unsaved edits are asked about first
  const actions = useMemo(() => {
    const guarded = (action: () => void) => () => {
      if (mayLeave()) action();
    };
    return {
      ...opening,
      create: guarded(opening.create),
      open: guarded(opening.open),
      openSample: guarded(opening.openSample),
      restore: guarded(opening.restore),
      close: guarded(opening.close),
      openRecent: (file: string) => {
        if (mayLeave()) opening.openRecent(file);
      },
    };
  }, [opening, mayLeave]);

  useEffect(
    () =>
      window.appEvents?.onMenu((command: MenuCommand) => {
        // undo and redo belong to the screen being edited: it listens for them
        if (command === 'undo' || command === 'redo') window.dispatchEvent(new CustomEvent('parw-history', { detail: command }));
        else if (command === 'about') show({ kind: 'info', text: ABOUT });
        else actions[command]();
      }),
    [actions, show],
  );

  if (!session) return <div className="loading">Đang khởi động…</div>;
  if (!session.workspace) {
    return (
      <>
        <StartPage recent={session.recent} actions={actions} />
        <MessageBar floating />
      </>
    );
  }
  return <Shell session={session} page={page} setPage={setPage} onSession={setSession} onBackup={actions.backup} onClose={actions.close} />;
}
