// Hooks every screen uses: a channel's answer loaded for what the screen shows, a choice
// among options that can change under it, and the latest value for callbacks handed once to
// a grid.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { call, refusalOf, type Refusal } from './api';
import { refusalMessage, useMessages } from './messages';

export interface CallOptions {
  /** another reason to ask again, compared by identity: a counter of saves, the object a reload gave */
  refresh?: unknown;
  /**
   * keeps showing the last answer while a new one is asked for, as long as this value is the
   * same (a preview of the same file read with another mapping); otherwise a new request shows nothing until answered
   */
  keep?: unknown;
  /** a refusal is not shown in the message bar (the screen shows `refusal` itself, or nothing) */
  quiet?: boolean;
}

interface Answer<T> {
  key: string;
  refresh: unknown;
  version: number;
  keep: unknown;
  value: T | null;
  refusal: Refusal | null;
}

export interface CallResult<T> {
  /** the answer to the current request, or null while it is asked for (or was refused) */
  value: T | null;
  refusal: Refusal | null;
  /** a request is on its way */
  loading: boolean;
  /** asks again, showing the current answer meanwhile */
  reload(): void;
  /** puts an answer in place of the current one (a save answered with the new value) */
  replace(value: T): void;
}

/**
 * The answer of `channel` to `input`, asked again whenever the input changes (by value), on
 * `refresh` or `reload()`; null input asks nothing. A late answer to an earlier request is
 * dropped. A refusal is shown in the message bar unless `quiet`.
 */
export function useCallResult<K extends Channel>(channel: K, input: ChannelInput<K> | null, options: CallOptions = {}): CallResult<ChannelOutput<K>> {
  const { show } = useMessages();
  const { refresh, keep, quiet = false } = options;
  // the request is its key: an input equal by value does not ask again
  const key = input === null ? null : JSON.stringify([channel, input]);
  const [version, setVersion] = useState(0);
  const [answer, setAnswer] = useState<Answer<ChannelOutput<K>> | null>(null);

  useEffect(() => {
    if (key === null) return;
    const [ch, payload] = JSON.parse(key) as [K, ChannelInput<K>];
    let current = true;
    call(ch, payload).then(
      (value) => {
        if (current) setAnswer({ key, refresh, version, keep, value, refusal: null });
      },
      (error: unknown) => {
        if (!current) return;
        setAnswer({ key, refresh, version, keep, value: null, refusal: refusalOf(error) });
        if (!quiet) show(refusalMessage(error));
      },
    );
    return () => {
      current = false;
    };
  }, [key, refresh, version, keep, quiet, show]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const replace = useCallback((value: ChannelOutput<K>) => setAnswer((a) => (a ? { ...a, value, refusal: null } : a)), []);
  const same = answer !== null && answer.key === key && answer.refresh === refresh;
  const kept = answer !== null && keep !== undefined && answer.keep === keep;
  return {
    value: key !== null && (same || kept) ? answer!.value : null,
    refusal: same ? answer!.refusal : null,
    loading: key !== null && !(same && answer!.version === version),
    reload,
    replace,
  };
}

/** A choice among options that can change under it: the one chosen while it is offered, else the first. */
export function useChoice(options: readonly string[], initial = ''): [string, (choice: string) => void] {
  const [chosen, choose] = useState(initial);
  return [options.includes(chosen) ? chosen : (options[0] ?? ''), choose];
}

/**
 * The latest value, for callbacks handed once to something that keeps them (a grid's
 * columns, a window listener): they read it when called, never while rendering.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

/**
 * Rows that keep their identity while nothing of theirs changed, so that a grid draws again
 * only the rows an edit moved. The rows of the last render are kept in state, replaced as
 * React recommends for values derived from the previous render.
 */
export function useReusedRows<T>(rows: T[], keyOf: (row: T) => string, same: (before: T, now: T) => boolean): T[] {
  const [kept, setKept] = useState({ from: rows, rows });
  if (kept.from === rows) return kept.rows;
  const before = new Map(kept.rows.map((r) => [keyOf(r), r]));
  const reused = rows.map((r) => {
    const b = before.get(keyOf(r));
    return b !== undefined && same(b, r) ? b : r;
  });
  setKept({ from: rows, rows: reused });
  return reused;
}
