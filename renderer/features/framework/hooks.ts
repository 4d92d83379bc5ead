import { useState } from 'react';
import type { CriterionNode } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';
import { frameworkMaximum } from '../../../shared/results';
import type { Session } from '../../../shared/contract';
import { call, picked } from '../../app/api';
import { useCallResult } from '../../app/hooks';
import { confirmAction } from '../../app/leave-guard';
import { useAction } from '../../app/messages';

/**
 * One block's framework of the year as loaded, and the nodes being edited over it: `dirty`
 * while they differ from what was loaded or saved. Saving, copying last year's, importing
 * and exporting go through the main process; the session is read again where the list of
 * frameworks changes.
 */
export function useFrameworkEditor(year: number, blockCode: string, blockLabel: string, onSession: (session: Session) => void) {
  const { run } = useAction();
  const loaded = useCallResult('framework:get', blockCode ? { year, blockCode } : null);
  // the edits belong to the answer they were made on: a new answer (reloaded, saved) drops them
  const [edits, setEdits] = useState<{ base: object; nodes: CriterionNode[] } | null>(null);
  const answer = loaded.value;
  const dirty = answer !== null && edits?.base === answer;
  // the save was refused for the framework's own problems (shown until they are fixed)
  const [refusedSave, setRefusedSave] = useState(false);
  const where = `${blockLabel} năm ${year}`;
  const nodes = dirty ? edits.nodes : (answer?.nodes ?? []);

  return {
    nodes,
    exists: answer?.exists ?? false,
    dirty,
    change: (next: CriterionNode[]) => {
      if (answer) setEdits({ base: answer, nodes: next });
    },
    discard: loaded.reload,
    refusedSave,
    save: async () => {
      setRefusedSave(false);
      const saved = await run(
        async () => {
          await call('framework:save', { year, blockCode, nodes });
          if (answer) loaded.replace({ ...answer, nodes, exists: true });
          onSession(await call('session:get', {}));
          return true;
        },
        {
          done: `Đã lưu bộ chỉ số ${where} (${formatNumber(nodes.length)} dòng, tổng điểm tối đa ${formatNumber(frameworkMaximum(nodes), 3)}).`,
          refused: `Chưa lưu bộ chỉ số ${where}.`,
        },
      );
      if (!saved) setRefusedSave(true);
    },
    /** copies last year's framework of every block this year lacks, and says which */
    cloneFrom: (fromYear: number, blockNames: Map<string, string>) =>
      run(
        async () => {
          const r = await call('framework:clone', { fromYear, toYear: year, blockCode: null });
          onSession(r.session);
          loaded.reload();
          return r.blocks;
        },
        {
          done: (blocks) =>
            `Đã sao chép bộ chỉ số năm ${fromYear} sang năm ${year} cho ${blocks.map((b) => (blockNames.get(b) ?? b).toLowerCase()).join(', ')} (cùng các mức xếp loại).`,
        },
      ),
    importFile: () => {
      // a framework there already is replaced whole: the person says so first
      if (answer?.exists && !confirmAction(`Bộ chỉ số ${where} đã có ${formatNumber(answer.nodes.length)} dòng. Nhập từ Excel sẽ thay toàn bộ bộ chỉ số này (điểm đã chấm của các tiêu chí giữ nguyên mã được giữ lại). Tiếp tục?`)) {
        return Promise.resolve(undefined);
      }
      return run(
        async () => {
          const imported = picked(await call('framework:import', { year, blockCode }));
          if (!imported) return null;
          onSession(await call('session:get', {}));
          loaded.reload();
          return imported;
        },
        { done: (imported) => imported && `Đã nhập bộ chỉ số ${where}: ${formatNumber(imported.nodes)} dòng.`, refused: `Chưa nhập bộ chỉ số ${where}.` },
      );
    },
    template: () =>
      run(() => call('framework:template', {}), {
        done: (r) => !r.cancelled && `Đã lưu tệp mẫu bộ chỉ số ${r.value.file}.`,
      }),
    exportFile: () =>
      run(() => call('framework:export', { year, blockCode }), {
        done: (r) => !r.cancelled && `Đã xuất bộ chỉ số ${where} ra tệp ${r.value.file}.`,
      }),
  };
}
