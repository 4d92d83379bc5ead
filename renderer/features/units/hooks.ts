import type { Unit } from '../../../shared/domain';
import { call } from '../../app/api';
import { useCallResult } from '../../app/hooks';
import { useAction } from '../../app/messages';
import { unitOfDraft, type Draft } from './model';

/** The units and blocks of the workspace; saving or deleting a unit answers with the new list. Both resolve true when done. */
export function useUnits() {
  const { value, replace } = useCallResult('units:list', {});
  const { run } = useAction();
  const update = (units: Unit[]) => {
    if (value) replace({ ...value, units });
    return true;
  };
  return {
    list: value,
    save: async (draft: Draft) => {
      const unit = unitOfDraft(draft);
      return Boolean(await run(async () => update((await call('units:save', { unit })).units), { done: `Đã lưu đơn vị ${unit.name}.` }));
    },
    remove: async (draft: Draft) =>
      Boolean(await run(async () => update((await call('units:delete', { code: draft.code })).units), { done: `Đã xóa đơn vị ${draft.name}.` })),
  };
}
