import { useReducer } from 'react';
import type { PickedFile } from '../../../shared/channels';
import type { FormImportResultOutput } from '../../../shared/contract';
import { formatNumber } from '../../../shared/format';
import { call, messageOf, picked } from '../../app/api';
import { useAction, useMessages } from '../../app/messages';
import { batchSummary, importReducer, noImport, refusedResult } from './model';

/** Self-assessment forms sent out: one workbook per unit of a block (or of every block) of the year. */
export function useFormGeneration(year: number) {
  const { run, busy } = useAction();
  const generate = (blockCode: string) =>
    run(() => call('forms:generate', { year, blockCode: blockCode || null }), {
      done: (r) => !r.cancelled && `Đã tạo ${formatNumber(r.value.files)} biểu mẫu tự đánh giá năm ${year} trong thư mục ${r.value.folder}.`,
    });
  return { generate, generating: busy };
}

/** Returned forms in: picked or dropped files imported one by one with progress, the report, and the report out to Excel. */
export function useFormImport(year: number) {
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
      dispatch({ type: 'result', result });
    }
    dispatch({ type: 'finish', total: files.length });
    show(batchSummary(done));
  };

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
    exportReport: () =>
      run(() => call('forms:exportReport', { results: state.results }), {
        done: (r) => !r.cancelled && `Đã xuất báo cáo nhập biểu mẫu ra tệp ${r.value.file}.`,
      }),
  };
}
