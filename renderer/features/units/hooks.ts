import type { Unit } from '../../../shared/domain';
import { call } from '../../app/api';
import { useCallResult } from '../../app/hooks';
import { useAction, useMessages } from '../../app/messages';
import { previewCounts, unitOfDraft, type Draft, type ImportPreview } from './model';

/**
 * The units and blocks of the workspace and what changes them: a unit saved (added or edited)
 * or deleted, a list imported after its preview, the last change undone. Each action resolves
 * true when it was done.
 */
export function useUnits() {
  const { value, replace } = useCallResult('units:list', {});
  const history = useCallResult('units:history', {}, { quiet: true });
  const { run } = useAction();
  const { show } = useMessages();
  const update = (units: Unit[]) => {
    if (value) replace({ ...value, units });
    history.reload();
    return true;
  };
  return {
    list: value,
    canUndo: history.value?.canUndo ?? false,
    lastChange: history.value?.changes.find((c) => !c.undone && c.source !== 'undo') ?? null,
    save: async (draft: Draft) => {
      let unit;
      try {
        unit = unitOfDraft(draft);
      } catch (e) {
        show({ kind: 'error', text: (e as Error).message });
        return false;
      }
      const mode = draft.existing ? 'edit' : 'add';
      return Boolean(
        await run(async () => update((await call('units:save', { unit, mode })).units), {
          done: mode === 'add' ? `Đã thêm đơn vị ${unit.name}.` : `Đã lưu đơn vị ${unit.name}.`,
        }),
      );
    },
    remove: async (draft: Draft) =>
      Boolean(await run(async () => update((await call('units:delete', { code: draft.code })).units), { done: `Đã xóa đơn vị ${draft.name}.` })),
    undo: async () =>
      Boolean(
        await run(
          async () => {
            const r = await call('units:undo', {});
            update(r.units);
            return r.undone;
          },
          { done: (n) => (n ? `Đã hoàn tác thay đổi của ${n} đơn vị.` : 'Không còn thay đổi nào để hoàn tác.') },
        ),
      ),
    /** the person picks a file; resolves with its preview, or null when cancelled or refused */
    pickImport: async (): Promise<ImportPreview | null> => {
      const r = await run(() => call('units:pickImport', {}), { refused: 'Chưa nhập danh sách đơn vị.', clear: true });
      return r && !r.cancelled ? r.value : null;
    },
    confirmImport: async (preview: ImportPreview) =>
      Boolean(
        await run(
          async () => {
            const r = await call('units:import', { token: preview.token });
            if (value) replace({ units: r.units, blocks: r.blocks });
            history.reload();
            return r;
          },
          { done: `Đã nhập danh sách đơn vị từ ${preview.file}: ${previewCounts(preview.preview)}.` },
        ),
      ),
    template: async () => {
      await run(() => call('units:template', {}), { done: (r) => (r.cancelled ? null : `Đã lưu tệp mẫu ${r.value.file}.`) });
    },
  };
}
