import { useState } from 'react';
import type { CriterionNode } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';
import { frameworkMaximum } from '../../../shared/results';
import type { Session } from '../../../shared/contract';
import { call, picked } from '../../app/api';
import { useCallResult } from '../../app/hooks';
import { useAction } from '../../app/messages';

/**
 * One block's framework of the year as loaded, and the nodes being edited over it: `dirty`
 * while they differ from what was loaded or saved. Saving, copying last year's, importing
 * and exporting go through the main process; the session is read again where the list of
 * frameworks changes.
 */
export function useFrameworkEditor(year: number, blockCode: string, onSession: (session: Session) => void) {
  const { run } = useAction();
  const loaded = useCallResult('framework:get', blockCode ? { year, blockCode } : null);
  // the edits belong to the answer they were made on: a new answer (reloaded, saved) drops them
  const [edits, setEdits] = useState<{ base: object; nodes: CriterionNode[] } | null>(null);
  const answer = loaded.value;
  const dirty = answer !== null && edits?.base === answer;
  const nodes = dirty ? edits.nodes : (answer?.nodes ?? []);

  return {
    nodes,
    exists: answer?.exists ?? false,
    dirty,
    change: (next: CriterionNode[]) => {
      if (answer) setEdits({ base: answer, nodes: next });
    },
    discard: loaded.reload,
    save: () =>
      run(
        async () => {
          await call('framework:save', { year, blockCode, nodes });
          if (answer) loaded.replace({ ...answer, nodes, exists: true });
          onSession(await call('session:get', {}));
        },
        {
          done: `Đã lưu bộ chỉ số năm ${year} (${formatNumber(nodes.length)} dòng, tổng điểm tối đa ${formatNumber(frameworkMaximum(nodes), 3)}).`,
          refused: 'Chưa lưu bộ chỉ số.',
        },
      ),
    cloneFrom: (fromYear: number) =>
      run(
        async () => {
          onSession(await call('framework:clone', { fromYear, toYear: year, blockCode }));
          loaded.reload();
        },
        { done: `Đã sao chép bộ chỉ số năm ${fromYear} sang năm ${year}.` },
      ),
    importFile: () =>
      run(
        async () => {
          const imported = picked(await call('framework:import', { year, blockCode }));
          if (!imported) return null;
          onSession(await call('session:get', {}));
          loaded.reload();
          return imported;
        },
        { done: (imported) => imported && `Đã nhập bộ chỉ số: ${formatNumber(imported.nodes)} dòng.` },
      ),
    exportFile: () =>
      run(() => call('framework:export', { year, blockCode }), {
        done: (r) => !r.cancelled && `Đã xuất bộ chỉ số ra tệp ${r.value.file}.`,
      }),
  };
}
