// What the commands of this feature do; ./commands.ts describes them, and the command line
// loads this module only when one of them runs.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { withWorkspace } from '../../cli/workspace';
import { type CommandRun, flagString, flagYear } from '../../cli/framework';
import { requireUnit } from '../units/service';
import { listUnits } from '../units/store';
import { requirePeriod } from '../workspace/service';
import { evidenceListJson, exportEvidence, importEvidence, missingEvidence, unitFromName, type EvidenceImportResult } from './service';
import { listDocuments } from './store';

import { SPREADSHEET_EXTENSIONS as FORM_EXTENSIONS } from '../../files/inputs';

function hasForms(dir: string): boolean {
  return fs.readdirSync(dir).some((n) => FORM_EXTENSIONS.has(path.extname(n).toLowerCase()) && !n.startsWith('~$'));
}

function importText(r: EvidenceImportResult): string {
  const lines = [
    `${r.source}: ${r.unit}, năm ${r.year} — ${formatNumber(r.files)} tệp, ${formatNumber(r.added)} tài liệu mới, ${formatNumber(r.unchanged)} đã có`,
    ...r.unassigned.map((n) => `  Chưa gán tiêu chí: ${n}`),
    ...r.notReceived.map((n) => `  Tiêu chí ${n.criterion} ghi tài liệu "${n.name}" nhưng không nhận được tệp`),
  ];
  return lines.join('\n');
}

export const runs: Record<string, CommandRun> = {
  async 'evidence import'(args, io) {
    const year = flagYear(args);
    const unitCode = flagString(args, 'unit');
    const [wsFile, input] = args.positionals;
    return withWorkspace(wsFile, async (ws) => {
      const isFolder = fs.existsSync(input) && fs.statSync(input).isDirectory();
      // a folder of forms with their evidence beside them, as `import` takes it
      if (!unitCode && isFolder && hasForms(input) && !unitFromName(listUnits(ws), input)) {
        const { importForms } = await import('../forms/import');
        const { importResultJson } = await import('../forms/cli');
        const results = await importForms(ws, [input], { expectedYear: year });
        if (args.flags.json) io.out(JSON.stringify(results.map((r) => ({ ...importResultJson(r), evidence: r.evidence }))));
        else {
          for (const r of results) {
            const e = r.evidence;
            io.out(
              `${r.file}: ${r.status === 'refused' ? 'bị từ chối' : r.status === 'imported' ? 'đã nhập' : 'không đổi'}` +
                (e ? ` — tài liệu ${e.source}: ${formatNumber(e.added)} mới, ${formatNumber(e.unassigned.length)} chưa gán` : ''),
            );
            for (const err of r.errors) io.out(`  Lỗi: ${err.message}`);
          }
        }
        return results.some((r) => r.status === 'refused') ? 1 : 0;
      }
      const r = await importEvidence(ws, input, { year, unitCode });
      io.out(args.flags.json ? JSON.stringify(r) : importText(r));
      return 0;
    });
  },

  'evidence list'(args, io) {
    const year = flagYear(args);
    const unit = flagString(args, 'unit');
    return withWorkspace(args.positionals[0], (ws) => {
      requirePeriod(ws, year);
      if (unit) requireUnit(ws, unit);
      if (args.flags.missing) {
        const missing = missingEvidence(ws, year, unit);
        if (args.flags.json) io.out(JSON.stringify(missing));
        else if (missing.length === 0) io.out(`Năm ${year}: không có tiêu chí nào thiếu tài liệu kiểm chứng.`);
        else io.out(['Mã\tTiêu chí\tĐiểm\tThiếu tài liệu kiểm chứng', ...missing.map((m) => `${m.unit}\t${m.criterion}\t${formatNumber(m.score, 4)}`)].join('\n'));
        return;
      }
      const docs = listDocuments(ws, year, { unitCode: unit });
      if (args.flags.json) {
        io.out(JSON.stringify(evidenceListJson(docs)));
        return;
      }
      if (docs.length === 0) {
        io.out(`Chưa nhận tài liệu kiểm chứng nào năm ${year}${unit ? ` của ${unit}` : ''}.`);
        return;
      }
      io.out(
        ['Mã\tTiêu chí\tTệp\tKích thước\tSHA-256', ...docs.map((d) => `${d.unitCode}\t${d.criterionCode ?? 'chưa gán'}\t${d.path}\t${formatNumber(d.bytes)}\t${d.sha256.slice(0, 12)}`)].join('\n'),
      );
    });
  },

  'evidence export'(args, io) {
    const year = flagYear(args);
    const unit = flagString(args, 'unit')!;
    const out = flagString(args, 'out')!;
    return withWorkspace(args.positionals[0], (ws) => {
      const r = exportEvidence(ws, year, unit, out);
      if (r.files === 0) throw new UserError(`${unit} chưa có tài liệu kiểm chứng nào năm ${year}.`);
      io.err(`Đã chép ${formatNumber(r.files)} tài liệu (${formatNumber(r.bytes)} byte) của ${unit} năm ${year} vào ${out}.`);
    });
  },
};
