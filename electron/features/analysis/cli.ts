// What the commands of this feature do; ./commands.ts describes them.
import { formatProblem } from '../../../shared/errors';
import { describeChange, formatPercent } from '../../../shared/format';
import type { ComponentFigures } from '../../../shared/analysis/sentences';
import { tableLines } from '../../cli/table';
import { type CommandRun, UsageError, flagString, flagYear } from '../../cli/framework';
import { withWorkspace } from '../../cli/workspace';
import { withExtension } from '../../files/output';

function componentTable(components: ComponentFigures[]): string[] {
  const rows = components.map((c) => [
    c.code,
    c.title,
    formatPercent(c.index),
    c.rank === null ? '—' : String(c.rank),
    formatPercent(c.average),
    c.previous ? describeChange(c.deltaIndex, c.deltaRank) ?? '' : '',
  ]);
  return tableLines(['Mã', 'Thành phần', 'Chỉ số', 'Hạng', 'Trung bình', 'So với năm trước'], rows, [false, false, true, true, true, false]);
}

export const runs: Record<string, CommandRun> = {
  async 'national import'(args, io) {
    const year = flagYear(args);
    const { importNationalFile } = await import('./national-import');
    await withWorkspace(args.positionals[0], async (ws) => {
      const s = await importNationalFile(ws, year, args.positionals[1], { ours: flagString(args, 'ours'), maxima: flagString(args, 'max') });
      for (const w of s.warnings) io.err(`Cảnh báo: ${formatProblem(w)}`);
      for (const e of s.lineage) io.err(`Tiền thân: ${e.name} ← ${e.from.map((f) => f.name).join(', ')}`);
      io.err(
        `Đã nhập bảng kết quả các tỉnh, thành phố năm ${year}: ${s.provinces} tỉnh, thành phố, lĩnh vực ${s.fields.join(', ')}` +
          (s.sipasFactors.length ? `, SIPAS với ${s.sipasFactors.length} chỉ số thành phần` : '') +
          (s.ours ? `; tỉnh mình: ${s.ours}` : '') +
          '.',
      );
    });
  },

  async 'national lineage'(args, io) {
    const year = flagYear(args);
    const province = flagString(args, 'province');
    const from = flagString(args, 'from');
    if ((province === undefined) !== (from === undefined)) throw new UsageError('--province và --from đi cùng nhau.');
    const { declareNationalLineage, splitProvinces } = await import('./lineage');
    const { nationalLineage } = await import('./store');
    await withWorkspace(args.positionals[0], (ws) => {
      const entries = province !== undefined ? declareNationalLineage(ws, year, province, splitProvinces(from!)) : nationalLineage(ws, year);
      if (entries.length === 0) io.out(`Năm ${year} chưa khai báo tỉnh, thành phố nào hợp nhất từ tỉnh khác.`);
      for (const e of entries) io.out(`${e.name} ← ${e.from.map((f) => f.name).join(', ')}`);
    });
  },

  async 'analysis'(args, io) {
    const year = flagYear(args);
    const block = flagString(args, 'block');
    const unit = flagString(args, 'unit');
    const scopes = [args.flags.national === true, block !== undefined, unit !== undefined].filter(Boolean).length;
    if (scopes !== 1) throw new UsageError('Cần đúng một trong --national, --block B, --unit CODE.');
    const { blockAnalysis, nationalAnalysis, unitAnalysis } = await import('./analysis');
    await withWorkspace(args.positionals[0], (ws) => {
      const result = args.flags.national ? nationalAnalysis(ws, year) : block ? blockAnalysis(ws, year, block) : unitAnalysis(ws, year, unit!);
      if (args.flags.json) {
        io.out(JSON.stringify(result));
        return;
      }
      const lines = [...result.sentences];
      if (result.scope === 'national') {
        lines.push('', `Chỉ số CCHC — ${result.par.name}`, ...componentTable(result.par.components));
        if (result.sipas) lines.push('', 'Chỉ số SIPAS — các chỉ số thành phần', ...componentTable(result.sipas.components));
      } else if (result.scope === 'unit') lines.push('', ...componentTable(result.components));
      io.out(lines.join('\n'));
    });
  },

  async 'report'(args, io) {
    const year = flagYear(args);
    const out = withExtension(flagString(args, 'out')!, '.docx');
    const { writeReport } = await import('./documents/report');
    await withWorkspace(args.positionals[0], async (ws) => {
      await writeReport(ws, year, out, { chromiumPath: flagString(args, 'chromium') });
      io.err(`Đã soạn báo cáo phân tích năm ${year}: ${out}`);
    });
  },

  async 'annex'(args, io) {
    const year = flagYear(args);
    const out = withExtension(flagString(args, 'out')!, '.docx');
    const { writeAnnex } = await import('./documents/annex');
    await withWorkspace(args.positionals[0], async (ws) => {
      const given = flagString(args, 'decision');
      const s = await writeAnnex(ws, year, out, { decision: given });
      if (given !== undefined && s.decision) io.err(`Năm ${year} đã công bố: phụ lục ghi Quyết định đã công bố (${s.decision.decision}), không theo --decision.`);
      io.err(`Đã soạn phụ lục xếp hạng năm ${year} (${s.blocks} khối): ${out}`);
    });
  },
};
