// Công bố: the year's decision, publishing (which locks the year) and reopening.
import type { Handlers } from '../../../shared/contract';
import type { publicationContract } from '../../../shared/cycle/publication-channels';
import type { HandlerContext } from '../context';
import { openItems, publicationOf, publish, unpublish } from './service';

export function publicationHandlers(context: HandlerContext): Pick<Handlers, keyof typeof publicationContract> {
  return {
    'publication:get': ({ year }) => {
      const ws = context.workspace();
      const { publication } = publicationOf(ws, year);
      return { publication, open: publication ? [] : openItems(ws, year) };
    },
    'publication:publish': ({ year, decision, date, force }) => publish(context.workspace(), { year, decision, date, force, actor: context.userName() }),
    'publication:unpublish': ({ year, reason }) => {
      unpublish(context.workspace(), year, reason, context.userName());
      return { reopened: true };
    },
  };
}
