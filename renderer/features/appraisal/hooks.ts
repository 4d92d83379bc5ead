import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { ScoreChangeInput, ScorePatchInput } from '../../../shared/contract';
import type { AuditEntry, CriterionNode } from '../../../shared/domain';
import { formatNumber, formatTime } from '../../../shared/format';
import { call } from '../../app/api';
import { useCallResult } from '../../app/hooks';
import { refusalMessage, useAction, useMessages } from '../../app/messages';
import { blockReducer, nextEdit, noBlock, type Source } from './edits';
import {
  acceptSelfChanges,
  appraisedPatch,
  parseAppraised,
  parseDraft,
  pasteChanges,
  pastedCells,
  previewWithDraft,
  scoreKey,
  type BlockData,
  type Draft,
  type PasteTarget,
  type ScoreMap,
} from './model';

/**
 * A block of the year being appraised: loaded for the year and block, every change shown at
 * once and saved in order behind the others (the save queue), undo and redo, the saved
 * results read back once the edits pause. `saves` counts the saves confirmed.
 */
export function useAppraisal(year: number, blockCode: string) {
  const { show, clear } = useMessages();
  const { run } = useAction();
  const [state, dispatch] = useReducer(blockReducer, noBlock);
  const [status, setStatus] = useState('');
  const [saves, setSaves] = useState(0);
  // a scores table imported: the block is read again
  const [loads, setLoads] = useState(0);
  // saves go one after another, in the order they were made; so does reading the results back
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    if (!blockCode) return;
    let current = true;
    call('appraisal:block', { year, blockCode }).then(
      (data) => current && dispatch({ type: 'loaded', data }),
      (error: unknown) => current && show(refusalMessage(error)),
    );
    return () => {
      current = false;
    };
  }, [year, blockCode, show, loads]);

  // The saved results (with the change since last year) are read back once the edits pause.
  useEffect(() => {
    if (saves === 0) return;
    const timer = setTimeout(() => {
      queue.current = queue.current.then(() =>
        call('results:get', { year }).then(
          (r) => dispatch({ type: 'savedResults', results: r.results }),
          // the last results read stay; the next save reads them again
          () => undefined,
        ),
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [saves, year]);

  const save = (changes: ScoreChangeInput[], source: Source) => {
    setStatus('Đang lưu…');
    queue.current = queue.current.then(async () => {
      const saved = await run(async () => {
        await call('scores:apply', { year, changes, source, reason: null });
        return true;
      });
      if (saved) {
        setStatus(`Đã lưu ${formatTime(new Date())}`);
        // a count of confirmed saves, for whoever waits on them (tests, timing)
        document.body.dataset.saves = String(Number(document.body.dataset.saves ?? 0) + 1);
        setSaves((n) => n + 1);
      } else {
        dispatch({ type: 'refused', changes, source });
        setStatus('Chưa lưu được');
      }
    });
  };

  const perform = (changes: ScoreChangeInput[], source: 'appraisal' | 'paste' | 'accept-self') => {
    dispatch({ type: 'perform', changes });
    save(changes, source);
  };

  const { data, scores } = state;
  const unitNames = useMemo(() => new Map(data?.units.map((u) => [u.code, u.name]) ?? []), [data]);
  const unitName = useCallback((code: string) => unitNames.get(code) ?? code, [unitNames]);

  return {
    data,
    scores,
    saved: state.saved,
    canUndo: state.undo.length > 0,
    canRedo: state.redo.length > 0,
    status,
    saves,
    unitName,
    reload: () => setLoads((n) => n + 1),
    travel(direction: 'undo' | 'redo') {
      const edit = nextEdit(state, direction);
      if (!edit) {
        show({ kind: 'info', text: direction === 'undo' ? 'Không còn thao tác nào để hoàn tác.' : 'Không còn thao tác nào để làm lại.' });
        return;
      }
      dispatch({ type: 'travel', direction });
      show({ kind: 'info', text: direction === 'undo' ? 'Đã hoàn tác thao tác vừa rồi.' : 'Đã làm lại thao tác.' });
      save(direction === 'undo' ? edit.backward : edit.forward, direction);
    },
    /** a score typed into a cell: refused with the reason, or saved when it changes the score */
    setAppraised(unitCode: string, node: CriterionNode, typed: unknown) {
      const parsed = parseAppraised(node, unitName(unitCode), typed);
      if ('problem' in parsed) {
        show({ kind: 'error', text: parsed.problem });
        return;
      }
      const current = scores.get(scoreKey(unitCode, node.code));
      if ((current?.appraisedScore ?? null) === parsed.value) return;
      clear();
      perform([{ unitCode, criterionCode: node.code, patch: appraisedPatch(current, parsed.value) }], 'appraisal');
    },
    setField(unitCode: string, criterionCode: string, patch: ScorePatchInput) {
      perform([{ unitCode, criterionCode, patch }], 'appraisal');
    },
    /**
     * The self scores taken as appraised for every leaf under `rootCode` (the whole unit when
     * null): one step of the undo list, each cell audited as "Chấp nhận điểm tự chấm".
     */
    acceptSelf(unitCode: string, rootCode: string | null) {
      if (!data) return;
      const changes = acceptSelfChanges(data.nodes, scores, unitCode, rootCode);
      const where = rootCode ? `mục ${rootCode}` : 'cả đơn vị';
      if (changes.length === 0) {
        show({ kind: 'info', text: `${unitName(unitCode)}, ${where}: không có tiêu chí thành phần nào có điểm tự chấm khác điểm thẩm định.` });
        return;
      }
      clear();
      perform(changes, 'accept-self');
      show({ kind: 'info', text: `${unitName(unitCode)}, ${where}: đã lấy điểm tự chấm làm điểm thẩm định cho ${formatNumber(changes.length)} tiêu chí thành phần (Ctrl+Z để hoàn tác).` });
    },
    /** cells copied from a spreadsheet, pasted at `target`: all of them saved, or none */
    paste(target: PasteTarget, text: string) {
      const cells = pastedCells(text);
      if (cells.length === 0) return;
      const pasted = pasteChanges(target, cells, scores);
      if ('refusal' in pasted) {
        show({ kind: 'error', text: pasted.refusal });
        return;
      }
      if (pasted.changes.length === 0) return;
      perform(pasted.changes, 'paste');
      show({ kind: 'info', text: `Đã dán ${formatNumber(pasted.changes.length)} điểm thẩm định.` });
    },
  };
}

/** The score being typed and the block's results with it, at once, before Enter saves it. */
export function useDraftPreview(data: BlockData | null, scores: ScoreMap, nodeByCode: Map<string, CriterionNode>, unitName: (code: string) => string) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const parsed = useMemo(() => parseDraft(draft, nodeByCode, unitName), [draft, nodeByCode, unitName]);
  const preview = useMemo(() => (data ? previewWithDraft(data, scores, parsed) : null), [data, scores, parsed]);
  return { draft: parsed, setDraft, preview };
}

/** Who changed a cell, when, from what to what: read again after each save. */
export function useCellHistory(year: number, focus: { unitCode: string; code: string } | null, saves: number): AuditEntry[] {
  const input = focus ? { year, unitCode: focus.unitCode, criterionCode: focus.code } : null;
  // the list of the same cell stays while it is read again
  const keep = focus ? `${focus.unitCode}|${focus.code}` : undefined;
  return useCallResult('scores:history', input, { quiet: true, refresh: saves, keep }).value ?? [];
}

/** Branches of the tree folded away. */
export function useFolding() {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  return {
    collapsed,
    toggle: (code: string) =>
      setCollapsed((c) => {
        const next = new Set(c);
        if (!next.delete(code)) next.add(code);
        return next;
      }),
    expandAll: () => setCollapsed(new Set()),
    collapse: (codes: string[]) => setCollapsed(new Set(codes)),
  };
}

/** The scores table of the year: its template (units × criteria of the block) and its import. */
export function useScoresTable(year: number, blockCode: string, onImported: () => void) {
  const { run } = useAction();
  return {
    template: () =>
      run(() => call('scores:template', { year, blockCode: blockCode || null }), {
        done: (r) => !r.cancelled && `Đã lưu tệp mẫu bảng điểm năm ${year} (${formatNumber(r.value.rows)} dòng) ${r.value.file}.`,
      }),
    importFile: () =>
      run(
        async () => {
          const r = await call('scores:import', { year });
          if (!r.cancelled) onImported();
          return r;
        },
        {
          done: (r) =>
            !r.cancelled &&
            `Đã nhập bảng điểm ${r.value.file}: ${formatNumber(r.value.rows)} dòng của ${formatNumber(r.value.units)} đơn vị, ${formatNumber(r.value.changedFields)} giá trị thay đổi.`,
        },
      ),
  };
}
