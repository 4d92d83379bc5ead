import { Workspace } from '../../db/workspace';
import { parseBands } from '../../../shared/results/bands';
import { UserError } from '../../../shared/errors';
import { formatResultsTable, resultsJson } from '../results/output';
import { type Command, flagString, flagYear } from '../../cli/framework';
import { withWorkspace } from '../../cli/workspace';
import { saveBlockSettings, yearResults } from '../results/service';
import { getBlockSettings } from '../results/store';
import { requireBlock } from './service';


export const workspaceCommands: Command[] = [
  {
    name: 'init',
    usage: 'WS',
    summary: 'tạo tệp dữ liệu trống (không ghi đè tệp đã có)',
    positionals: 1,
    run({ positionals: [file] }, io) {
      Workspace.create(file).close();
      io.err(`Đã tạo tệp dữ liệu ${file}.`);
    },
  },
  {
    name: 'backup',
    usage: 'WS FILE',
    summary: 'sao lưu tệp dữ liệu (kể cả khi đang mở) sang FILE',
    positionals: 2,
    async run({ positionals: [file, dest] }, io) {
      await withWorkspace(file, (ws) => ws.backup(dest));
      io.err(`Đã sao lưu sang ${dest}.`);
    },
  },
  {
    name: 'bands',
    usage: 'WS --year Y --block B "Tốt=90;Khá=80;Trung bình=70;Yếu=0"',
    summary: 'đặt các mức xếp loại của một khối trong một năm',
    positionals: 2,
    flags: { year: 'number', block: 'string' },
    required: ['year', 'block'],
    run(args, io) {
      const year = flagYear(args);
      const block = flagString(args, 'block')!;
      const parsed = parseBands(args.positionals[1]);
      if ('error' in parsed) throw new UserError(parsed.error);
      return withWorkspace(args.positionals[0], (ws) => {
        const current = getBlockSettings(ws, year, block);
        saveBlockSettings(ws, { ...current, bands: parsed.bands });
        io.err(`Đã đặt ${parsed.bands.length} mức xếp loại cho khối ${block} năm ${year}.`);
      });
    },
  },
  {
    name: 'results',
    usage: 'WS --year Y [--block B] [--json]',
    summary: 'tổng điểm, chỉ số, xếp hạng, xếp loại và thay đổi so với năm trước',
    positionals: 1,
    flags: { year: 'number', block: 'string', json: 'boolean' },
    required: ['year'],
    run(args, io) {
      const year = flagYear(args);
      const block = flagString(args, 'block');
      return withWorkspace(args.positionals[0], (ws) => {
        if (block) requireBlock(ws, block);
        const all = yearResults(ws, year);
        const results = block ? { ...all, blocks: all.blocks.filter((b) => b.code === block) } : all;
        io.out(args.flags.json ? JSON.stringify(resultsJson(results)) : formatResultsTable(results));
      });
    },
  },
];


