// What the commands of this feature do; ./commands.ts describes them, and the command line
// loads this module only when one of them runs.
import { parseBands } from '../../../shared/results/bands';
import { formatResultsTable, resultsJson } from './output';
import { withWorkspace } from '../../cli/workspace';
import { saveBlockSettings, yearResults } from './service';
import { getBlockSettings } from './store';
import { requireBlock } from '../workspace/service';
import { yearPublication } from '../publication/service';
import { type CommandRun, UsageError, flagString, flagYear } from '../../cli/framework';
import { TIE_RULES, type TieRule } from '../../../shared/domain';

export const runs: Record<string, CommandRun> = {
  'bands'(args, io) {
    const year = flagYear(args);
    const block = flagString(args, 'block')!;
    const bands = parseBands(args.positionals[1]);
    return withWorkspace(args.positionals[0], (ws) => {
      const current = getBlockSettings(ws, year, block);
      saveBlockSettings(ws, { ...current, bands });
      io.err(`Đã đặt ${bands.length} mức xếp loại cho khối ${block} năm ${year}.`);
    });
  },

  'ranking'(args, io) {
    const year = flagYear(args);
    const block = flagString(args, 'block')!;
    const ties = flagString(args, 'ties') as TieRule;
    if (!TIE_RULES.includes(ties)) throw new UsageError(`--ties cần "shared" (đồng hạng: 1, 2, 2, 4) hoặc "ordinal" (xếp liên tiếp: 1, 2, 3, 4).`);
    return withWorkspace(args.positionals[0], (ws) => {
      const current = getBlockSettings(ws, year, block);
      saveBlockSettings(ws, { ...current, ties });
      io.err(`Khối ${block} năm ${year}: ${ties === 'shared' ? 'chỉ số bằng nhau (làm tròn) xếp đồng hạng' : 'xếp hạng liên tiếp theo chỉ số chưa làm tròn, rồi tổng điểm, rồi mã'}.`);
    });
  },

  'results'(args, io) {
    const year = flagYear(args);
    const block = flagString(args, 'block');
    return withWorkspace(args.positionals[0], (ws) => {
      if (block) requireBlock(ws, block);
      const all = yearResults(ws, year);
      const results = block ? { ...all, blocks: all.blocks.filter((b) => b.code === block) } : all;
      const { stamp } = yearPublication(ws, year);
      io.out(args.flags.json ? JSON.stringify(resultsJson(results, stamp)) : formatResultsTable(results, stamp));
    });
  },

  async 'published import'(args, io) {
    const year = flagYear(args);
    const block = flagString(args, 'block')!;
    const { importPublishedFile } = await import('./published-import');
    await withWorkspace(args.positionals[0], async (ws) => {
      const s = await importPublishedFile(ws, year, block, args.positionals[1]);
      io.err(`Đã nhập kết quả công bố năm ${year}, khối ${block}: ${s.units} đơn vị từ ${s.file}.`);
    });
  },
};
