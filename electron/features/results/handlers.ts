// Kết quả: the results of a year with the settings of each block.
import type { Handlers } from '../../../shared/contract';
import type { resultsContract } from '../../../shared/results/channels';
import type { HandlerContext } from '../context';
import { yearResults } from './service';
import { yearPublication } from '../publication/service';
import { getBlockSettings } from './store';

export function resultsHandlers(context: HandlerContext): Pick<Handlers, keyof typeof resultsContract> {
  return {
    'results:get': ({ year }) => {
      const ws = context.workspace();
      const results = yearResults(ws, year);
      return { results, settings: results.blocks.map((b) => getBlockSettings(ws, year, b.code)), publication: yearPublication(ws, year).stamp };
    },

    'results:importPublished': async ({ year, blockCode }) => {
      const file = await context.pickOne('import-published');
      if (!file) return { cancelled: true };
      const { importPublishedFile } = await import('./published-import');
      return { cancelled: false, value: await importPublishedFile(context.workspace(), year, blockCode, file) };
    },
  };
}
