// Đơn vị: the units of the workspace, added, changed and deleted from the window.
import type { Handlers } from '../../../shared/contract';
import type { unitsContract } from '../../../shared/units/channels';
import type { HandlerContext } from '../context';
import { listBlocks } from '../workspace/store';
import { deleteUnit, upsertUnits } from './service';
import { listUnits } from './store';

export function unitsHandlers(context: HandlerContext): Pick<Handlers, keyof typeof unitsContract> {
  const ws = () => context.workspace();
  return {
    'units:list': () => ({ units: listUnits(ws()), blocks: listBlocks(ws()) }),
    'units:save': ({ unit }) => {
      upsertUnits(ws(), [unit]);
      return { units: listUnits(ws()) };
    },
    'units:delete': ({ code }) => {
      deleteUnit(ws(), code);
      return { units: listUnits(ws()) };
    },
  };
}
