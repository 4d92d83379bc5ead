// Cài đặt: the workspace's document settings, the person's own name, the blocks and the
// classification bands of the year, read and saved from one screen.
import type { Handlers } from '../../../shared/contract';
import { parseBands } from '../../../shared/results/bands';
import type { settingsContract } from '../../../shared/settings/channels';
import type { HandlerContext } from '../context';
import { listFrameworks } from '../framework/store';
import { saveBlockSettings } from '../results/service';
import { getBlockSettings } from '../results/store';
import { ensureBlock, removeBlock, requireBlock, requirePeriod } from '../workspace/service';
import { documentSettings, saveDocumentSettings } from '../workspace/settings';
import { blockUse, listBlocks } from '../workspace/store';

export function settingsHandlers(context: HandlerContext): Pick<Handlers, keyof typeof settingsContract> {
  const ws = () => context.workspace();
  return {
    'settings:get': ({ year }) => {
      const w = ws();
      requirePeriod(w, year);
      const blocks = listBlocks(w);
      const withFramework = new Set(listFrameworks(w, year).map((f) => f.blockCode));
      return {
        ...documentSettings(w),
        userName: context.userName(),
        blocks: blocks.map((b) => ({ ...b, ...blockUse(w, b.code) })),
        bands: blocks
          .filter((b) => withFramework.has(b.code))
          .map((b) => {
            const s = getBlockSettings(w, year, b.code);
            return { blockCode: b.code, blockName: b.name, bands: s.bands, ties: s.ties ?? 'shared' };
          }),
      };
    },

    'settings:saveDocuments': (settings) => {
      saveDocumentSettings(ws(), settings);
      return { saved: true as const };
    },

    'settings:saveUserName': ({ name }) => {
      context.setUserName(name);
      return { saved: true as const };
    },

    'settings:addBlock': ({ code, name }) => {
      ensureBlock(ws(), code, name);
      return { saved: true as const };
    },

    'settings:removeBlock': ({ code }) => {
      removeBlock(ws(), code);
      return { saved: true as const };
    },

    'settings:saveBands': ({ year, blockCode, bands: text }) => {
      const w = ws();
      requireBlock(w, blockCode);
      const bands = text.trim() === '' ? [] : parseBands(text);
      saveBlockSettings(w, { ...getBlockSettings(w, year, blockCode), bands });
      return { bands: getBlockSettings(w, year, blockCode).bands };
    },

    'settings:saveTies': ({ year, blockCode, ties }) => {
      const w = ws();
      requireBlock(w, blockCode);
      saveBlockSettings(w, { ...getBlockSettings(w, year, blockCode), ties });
      return { ties: getBlockSettings(w, year, blockCode).ties ?? 'shared' };
    },
  };
}
