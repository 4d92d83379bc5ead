// What the commands of this feature do; ./commands.ts describes them, and the command line
// loads this module only when one of them runs.
import { formatNumber, parseLocaleNumber } from '../../../shared/format';
import { table } from '../../cli/table';
import { withWorkspace } from '../../cli/workspace';
import { type CommandRun, UsageError, flagString, flagYear, problemForTerminal } from '../../cli/framework';
import { decidePetition, decisionText, petitionViews, petitionsJson } from './service';

const score = (v: number | null) => (v === null ? '' : formatNumber(v, 4));

export const runs: Record<string, CommandRun> = {
  async 'notices'(args, io) {
    const year = flagYear(args);
    const unit = flagString(args, 'unit');
    if ((unit === undefined) === !args.flags.all) throw new UsageError('Hãy chọn một đơn vị (--unit MÃ) hoặc mọi đơn vị (--all), không cả hai.');
    const { writeNotices } = await import('./notices');
    await withWorkspace(args.positionals[0], async (ws) => {
      const written = await writeNotices(ws, year, flagString(args, 'out')!, unit === undefined ? {} : { units: [unit] });
      for (const n of written) io.err(`${n.unitName}: ${formatNumber(n.rows)} tiêu chí, ${formatNumber(n.open)} tiêu chí được kiến nghị → ${n.file}`);
      io.err(`Đã lập ${formatNumber(written.length)} thông báo kết quả thẩm định sơ bộ năm ${year}.`);
      if (args.flags.pdf) {
        const { printNoticePdfs } = await import('./notice-pdf');
        const files = await printNoticePdfs(ws, year, written);
        for (const f of files) io.err(`Bản in PDF → ${f}`);
      }
    });
  },

  async 'petitions import'(args, io) {
    const { importPetitions } = await import('./import');
    return withWorkspace(args.positionals[0], async (ws) => {
      const results = await importPetitions(ws, args.positionals.slice(1));
      // the JSON keeps the shape scripts rely on; the documents received are told in the text
      if (args.flags.json) io.out(JSON.stringify(results.map(({ documents: _documents, ...r }) => r)));
      else {
        for (const r of results) {
          const documents = r.documents ? `, ${formatNumber(r.documents)} tài liệu bổ sung` : '';
          const head = r.status === 'imported' ? `${formatNumber(r.changes)} kiến nghị${documents}` : r.status === 'unchanged' ? 'không thay đổi' : 'bị từ chối';
          io.err(`${r.file}${r.unit ? ` (${r.unit})` : ''}: ${head}`);
          for (const e of r.errors) io.err(`  Lỗi: ${problemForTerminal(e)}`);
          for (const w of r.warnings) io.err(`  Lưu ý: ${problemForTerminal(w)}`);
        }
      }
      return results.some((r) => r.status === 'refused') ? 1 : 0;
    });
  },

  'petitions'(args, io) {
    const year = flagYear(args);
    return withWorkspace(args.positionals[0], (ws) => {
      const views = petitionViews(ws, year, flagString(args, 'unit'));
      if (args.flags.json) {
        io.out(JSON.stringify(petitionsJson(views)));
        return;
      }
      if (views.length === 0) {
        io.out(`Năm ${year} chưa có kiến nghị nào.`);
        return;
      }
      io.out(
        table(
          ['Đơn vị', 'Tiêu chí', 'Tự chấm', 'Thẩm định', 'Quá hạn', 'Kiến nghị', 'Quyết định'],
          views.map((v) => [v.unitCode, v.criterionCode, score(v.selfScore), score(v.appraisedScore), v.late ? 'có' : '', v.text.replace(/\s+/g, ' ').slice(0, 60), decisionText(v)]),
          [false, false, true, true, false, false, false],
        ),
      );
    });
  },

  'petitions decide'(args, io) {
    const year = flagYear(args);
    const accept = flagString(args, 'accept');
    const keep = args.flags.keep === true;
    if ((accept === undefined) === !keep) throw new UsageError('Hãy chọn --accept ĐIỂM (chấp nhận với điểm mới) hoặc --keep (giữ nguyên), không cả hai.');
    let value: number | undefined;
    if (accept !== undefined) {
      const n = parseLocaleNumber(accept);
      if (n === null) throw new UsageError(`--accept cần một điểm, ví dụ --accept 0,5 (không phải "${accept}").`);
      value = n;
    }
    return withWorkspace(args.positionals[0], (ws) => {
      const p = decidePetition(ws, {
        year,
        unitCode: flagString(args, 'unit')!,
        criterionCode: flagString(args, 'criterion')!,
        decision: keep ? 'keep' : 'accept',
        score: value,
        reason: flagString(args, 'reason')!,
      });
      io.err(`Kiến nghị của đơn vị ${p.unitCode} về tiêu chí ${p.criterionCode}: ${decisionText(p)}.`);
    });
  },
};
