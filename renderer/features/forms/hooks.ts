import { useEffect, useReducer, useState } from 'react';
import type { PickedFile } from '../../../shared/channels';
import type { FormImportResultOutput } from '../../../shared/contract';
import { formatNumber } from '../../../shared/format';
import { call, messageOf, picked } from '../../app/api';
import { useCallResult, useLatest } from '../../app/hooks';
import { useAction, useMessages } from '../../app/messages';
import { batchSummary, importReducer, noImport, refusedResult, withoutToken, type ReportRow } from './model';

/**
 * A file to import once the page of its year is shown: the report offered to switch to the
 * year a form belongs to, and the page of that year takes it when it opens.
 */
let carried: { year: number; files: PickedFile[] } | null = null;

/** Self-assessment forms sent out: one workbook per unit of a block (or of every block) of the year. */
export function useFormGeneration(year: number) {
  const { run, busy } = useAction();
  const generate = (blockCode: string) =>
    run(() => call('forms:generate', { year, blockCode: blockCode || null }), {
      done: (r) => !r.cancelled && `Đã tạo ${formatNumber(r.value.files)} biểu mẫu tự đánh giá năm ${year} trong thư mục ${r.value.folder}.`,
    });
  return { generate, generating: busy };
}

/**
 * Returned forms in: picked or dropped files imported one by one with progress, the report,
 * the report out to Excel, and a form of another year taken again as that year.
 */
export function useFormImport(year: number, onYear: (year: number) => boolean, onImported: () => void) {
  const { show, clear } = useMessages();
  const { run } = useAction();
  const [state, dispatch] = useReducer(importReducer, noImport);

  const importFiles = async (files: PickedFile[]) => {
    if (files.length === 0) {
      show({ kind: 'warning', text: 'Không tìm thấy biểu mẫu Excel (.xlsx) nào trong những gì đã chọn.' });
      return;
    }
    dispatch({ type: 'start' });
    clear();
    const done: FormImportResultOutput[] = [];
    for (const [index, { token, file }] of files.entries()) {
      dispatch({ type: 'file', index, total: files.length, file });
      let result: FormImportResultOutput;
      try {
        result = await call('forms:importOne', { year, token });
      } catch (e) {
        // one unreadable file is a line of the report, and the others still come in
        result = refusedResult(file, messageOf(e));
      }
      done.push(result);
      dispatch({ type: 'result', result: { ...result, token } });
    }
    dispatch({ type: 'finish', total: files.length });
    show(batchSummary(done));
    onImported();
  };

  // a file carried over from the page of another year, for this one
  const importLatest = useLatest(importFiles);
  useEffect(() => {
    if (carried?.year !== year) return;
    const { files } = carried;
    carried = null;
    void importLatest.current(files);
  }, [year, importLatest]);

  return {
    ...state,
    busy: state.progress !== null && state.progress.done < state.progress.total,
    pick: () =>
      run(async () => {
        const chosen = picked(await call('forms:pickReturned', {}));
        if (chosen) await importFiles(chosen.files);
      }),
    /** files dropped on the window: folders are expanded to the workbooks inside */
    drop: (dropped: PickedFile[]) => {
      if (dropped.length === 0) {
        show({ kind: 'warning', text: 'Không đọc được đường dẫn của tệp vừa thả; hãy dùng nút "Chọn tệp".' });
        return;
      }
      void run(async () => importFiles((await call('forms:expand', { tokens: dropped.map((d) => d.token) })).files));
    },
    /** switches the app to the year a refused form belongs to and imports it there */
    importAsYear: (row: ReportRow, formYear: number) => {
      if (row.token === null) return;
      carried = { year: formYear, files: [{ token: row.token, file: row.path }] };
      if (!onYear(formYear)) carried = null;
    },
    exportReport: () =>
      run(() => call('forms:exportReport', { results: state.results.map(withoutToken) }), {
        done: (r) => !r.cancelled && `Đã xuất báo cáo nhập biểu mẫu ra tệp ${r.value.file}.`,
      }),
  };
}

/** The forms imported for the year, newest first, and the one opened. */
export function usePastImports(year: number) {
  const [refresh, setRefresh] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useCallResult('forms:history', { year }, { refresh });
  const detail = useCallResult('forms:historyEntry', openId === null ? null : { id: openId }, { refresh });
  return {
    list: list.value,
    openId,
    detail: detail.value,
    open: (id: number) => setOpenId((current) => (current === id ? null : id)),
    reload: () => setRefresh((n) => n + 1),
  };
}
