import { useCallback, useEffect, useState } from 'react';
import type { MenuCommand, Session } from '../../shared/contract';
import { call, messageOf } from './api';
import { MessageBar, type Message } from './MessageBar';
import { StartScreen } from '../features/start/Page';
import { Shell, type PageKey } from './Shell';

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [page, setPage] = useState<PageKey>('overview');

  useEffect(() => {
    call('session:get', {}).then(setSession, (e) => setMessage({ kind: 'error', text: messageOf(e) }));
  }, []);

  /** Runs a workspace action; a cancelled dialog changes nothing, a refusal shows its message. */
  const run = useCallback(async (action: () => Promise<Session | null>, done?: string) => {
    try {
      const next = await action();
      if (next) {
        setSession(next);
        setPage('overview');
        setMessage(done ? { kind: 'info', text: done } : null);
      }
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  }, []);

  const actions = {
    create: () => run(async () => unwrap(await call('workspace:create', {}))),
    open: () => run(async () => unwrap(await call('workspace:open', {}))),
    openRecent: (file: string) => run(() => call('workspace:openRecent', { file })),
    openSample: () => run(() => call('workspace:openSample', {})),
    restore: () => run(async () => unwrap(await call('workspace:restore', {})), 'Đã khôi phục tệp dữ liệu từ bản sao lưu.'),
    close: () => run(() => call('workspace:close', {})),
    backupFile: async () => {
      try {
        const r = await call('workspace:backupFile', {});
        if (!r.cancelled) setMessage({ kind: 'info', text: `Đã sao lưu vào tệp ${r.value.file}.` });
      } catch (e) {
        setMessage({ kind: 'error', text: messageOf(e) });
      }
    },
    backup: async () => {
      try {
        const r = await call('workspace:backup', {});
        if (!r.cancelled) setMessage({ kind: 'info', text: `Đã sao lưu vào tệp ${r.value.file}.` });
      } catch (e) {
        setMessage({ kind: 'error', text: messageOf(e) });
      }
    },
  };

  useEffect(() => {
    const off = window.appEvents?.onMenu((command: MenuCommand) => {
      if (command === 'undo' || command === 'redo') {
        window.dispatchEvent(new CustomEvent('parw-history', { detail: command }));
      } else if (command === 'about') {
        setMessage({ kind: 'info', text: 'PAR Workbench: chấm điểm, thẩm định và xếp hạng Chỉ số cải cách hành chính (CCHC) và SIPAS.' });
      } else {
        void actions[command]();
      }
    });
    return off;
  });

  if (!session) return <div className="loading">Đang khởi động…</div>;
  return (
    <>
      {session.workspace ? (
        <Shell
          session={session}
          page={page}
          setPage={setPage}
          onSession={setSession}
          onBackup={actions.backup}
          onClose={actions.close}
          message={message}
          setMessage={setMessage}
        />
      ) : (
        <>
          <StartScreen recent={session.recent} actions={actions} />
          <MessageBar message={message} onClose={() => setMessage(null)} floating />
        </>
      )}
    </>
  );
}

function unwrap(r: { cancelled: true } | { cancelled: false; value: Session }): Session | null {
  return r.cancelled ? null : r.value;
}
