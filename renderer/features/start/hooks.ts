// The workspace file: the session as the main process keeps it, and what opens, creates,
// restores, backs up or closes a workspace (from the start screen, the shell and the menu).
import { useMemo } from 'react';
import type { Session } from '../../../shared/contract';
import { call, picked, type Picked } from '../../app/api';
import { useCallResult } from '../../app/hooks';
import { useAction } from '../../app/messages';

/** The session: null until the main process answers. `setSession` takes the one an action answered with. */
export function useSession(): { session: Session | null; setSession(session: Session): void } {
  const { value, replace } = useCallResult('session:get', {});
  return { session: value, setSession: replace };
}

export interface WorkspaceActions {
  create(): void;
  open(): void;
  openRecent(file: string): void;
  openSample(): void;
  restore(): void;
  close(): void;
  /** a copy of the open workspace */
  backup(): void;
  /** a copy of a workspace file that is not open */
  backupFile(): void;
}

const backedUp = (answer: Picked<{ file: string }>) => !answer.cancelled && `Đã sao lưu vào tệp ${answer.value.file}.`;

/** A cancelled dialog changes nothing; a session answered goes to `onOpened`; a refusal shows its message. */
export function useWorkspaceActions(onOpened: (session: Session) => void): WorkspaceActions {
  const { run } = useAction();
  return useMemo(() => {
    const opening = (action: () => Promise<Session | null>, done?: string) => () =>
      void run(
        async () => {
          const session = await action();
          if (session) onOpened(session);
          return session;
        },
        { done: (session) => session !== null && done },
      );
    return {
      create: opening(async () => picked(await call('workspace:create', {}))),
      open: opening(async () => picked(await call('workspace:open', {}))),
      openRecent: (file) => opening(() => call('workspace:openRecent', { file }))(),
      openSample: opening(() => call('workspace:openSample', {})),
      restore: opening(async () => picked(await call('workspace:restore', {})), 'Đã khôi phục tệp dữ liệu từ bản sao lưu.'),
      close: opening(() => call('workspace:close', {})),
      backup: () => void run(() => call('workspace:backup', {}), { done: backedUp }),
      backupFile: () => void run(() => call('workspace:backupFile', {}), { done: backedUp }),
    };
  }, [run, onOpened]);
}
