// The one way the app speaks to the person: a message above the page, refusals in red,
// confirmations in green, set from any screen below the provider. useAction runs a call and
// shows its refusal (with the list of its problems) or its confirmation, so that no screen
// writes that try/catch again.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Problem } from '../../shared/errors';
import { formatNumber } from '../../shared/format';
import { refusalOf, type Refusal } from './api';

export interface Message {
  kind: 'info' | 'error' | 'warning';
  text: string;
  /** a refusal's problems, listed under the text when there are several */
  problems?: Problem[];
}

type Show = (message: Message | null) => void;

// Two contexts: the screens that only speak do not render again each time the message changes.
const CurrentMessage = createContext<Message | null>(null);
const ShowMessage = createContext<Show | null>(null);

export function MessagesProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<Message | null>(null);
  return (
    <ShowMessage.Provider value={setMessage}>
      <CurrentMessage.Provider value={message}>{children}</CurrentMessage.Provider>
    </ShowMessage.Provider>
  );
}

/** The message shown now, for the bar that shows it. */
export function useCurrentMessage(): Message | null {
  return useContext(CurrentMessage);
}

/** `show` a message (null hides it), `clear` it. */
export function useMessages(): { show: Show; clear(): void } {
  const show = useContext(ShowMessage);
  if (!show) throw new Error('useMessages is used outside MessagesProvider');
  return useMemo(() => ({ show, clear: () => show(null) }), [show]);
}

/**
 * A refusal for the message bar: its message, after `prefix` ("Chưa lưu bộ chỉ số.") when the
 * screen says what did not happen; several problems are listed under a heading rather than
 * run together in one line.
 */
export function refusalMessage(error: unknown, prefix?: string): Message {
  const { message, problems } = refusalOf(error);
  if (problems.length > 1) {
    return { kind: 'error', text: `${prefix ?? 'Không thực hiện được.'} Có ${formatNumber(problems.length)} lỗi:`, problems };
  }
  return { kind: 'error', text: prefix ? `${prefix} ${message}` : message };
}

export interface RunOptions<T> {
  /**
   * the confirmation once the action succeeded: a text (shown as information), a message, or
   * one made from the answer; nothing (or false, null) leaves the message bar as it is
   */
  done?: string | Message | ((value: T) => string | Message | false | null | undefined);
  /** words put before a refusal's message: "Chưa lưu bộ chỉ số." */
  refused?: string;
  /** shows a refusal somewhere else than the message bar: a list beside the form it concerns */
  onRefusal?(refusal: Refusal): void;
  /** hides the message bar when the action starts */
  clear?: boolean;
}

export type Run = <T>(action: () => Promise<T>, options?: RunOptions<T>) => Promise<T | undefined>;

/**
 * `run(action, options)`: runs the action, then shows its confirmation or its refusal; resolves
 * with the action's answer, or undefined when it was refused. `busy` is true while an action
 * of this hook runs (a screen with two independent actions uses the hook twice).
 */
export function useAction(): { run: Run; busy: boolean } {
  const { show } = useMessages();
  const [running, setRunning] = useState(0);
  const run = useCallback<Run>(
    async (action, options = {}) => {
      setRunning((n) => n + 1);
      if (options.clear) show(null);
      try {
        const value = await action();
        const done = typeof options.done === 'function' ? options.done(value) : options.done;
        if (done) show(typeof done === 'string' ? { kind: 'info', text: done } : done);
        return value;
      } catch (error) {
        if (options.onRefusal) options.onRefusal(refusalOf(error));
        else show(refusalMessage(error, options.refused));
        return undefined;
      } finally {
        setRunning((n) => n - 1);
      }
    },
    [show],
  );
  return { run, busy: running > 0 };
}
