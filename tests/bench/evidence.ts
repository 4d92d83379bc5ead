// Evidence at provincial size: 85 units send 2,000 documents, 1 GB in all (scans: content that
// does not compress), half as folders and half as .zip files, each unit's in its own
// transaction; peak memory of the process is sampled while importing. Then the time to open a
// leaf's documents (the list and one document's bytes, as the viewer asks for them).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workspace } from '../../electron/db/workspace';
import { blobContent, listDocuments } from '../../electron/features/evidence/store';
import { saveFramework } from '../../electron/features/framework/service';
import { upsertUnits } from '../../electron/features/units/service';
import { leafCodes } from '../../shared/results';
import { framework } from './forms';
import { timed, type BenchSuite } from './harness';

const UNITS = 85;
const FILES = 2000;
const TOTAL_BYTES = 1024 * 1024 * 1024;
const YEAR = 2025;

/** A PDF-looking file of `size` bytes whose body is random (as a scan is, to a compressor). */
function scan(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Page >>\nendobj\nstream\n', 'latin1');
  return Buffer.concat([head, randomBytes(Math.max(0, size - head.length))]);
}

export const evidenceSuite: BenchSuite = {
  name: 'evidence',
  async run(report) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-bench-evidence-'));
    try {
      const ws = Workspace.create(path.join(dir, 'bench.parws'));
      const units = Array.from({ length: UNITS }, (_, i) => ({ code: `DV${String(i + 1).padStart(3, '0')}`, name: `Đơn vị mẫu ${i + 1}`, blockCode: 'xa' }));
      upsertUnits(ws, units);
      const nodes = framework();
      saveFramework(ws, { year: YEAR, blockCode: 'xa', nodes });
      const leaves = [...leafCodes(nodes)].filter((c) => nodes.find((n) => n.code === c)!.source === 'self');
      const perFile = Math.floor(TOTAL_BYTES / FILES);
      const sources: string[] = [];
      let written = 0;
      const made = await timed(() => {
        for (let u = 0; u < UNITS; u++) {
          const count = Math.floor(FILES / UNITS) + (u < FILES % UNITS ? 1 : 0);
          const folder = path.join(dir, 'in', `${units[u].code}-2025`);
          for (let f = 0; f < count; f++) {
            const leaf = leaves[f % leaves.length];
            const size = Math.floor(perFile * (0.5 + ((f * 7919) % 100) / 100));
            const file = path.join(folder, leaf, `Tài liệu ${f + 1}.pdf`);
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, scan(size));
            written += size;
          }
          if (u % 2 === 1) {
            execFileSync('zip', ['-q', '-r', '-1', `${folder}.zip`, '.'], { cwd: folder });
            fs.rmSync(folder, { recursive: true });
            sources.push(`${folder}.zip`);
          } else sources.push(folder);
        }
      });
      report.figure('making the files', made.ms, `${FILES} tệp, ${(written / 1024 / 1024).toFixed(0)} MB`);

      // the import in a process of its own, so that its memory is its own (not the files' making)
      ws.close();
      const child = JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'evidence-import-child.ts'), path.join(dir, 'bench.parws'), String(YEAR), ...sources], {
          encoding: 'utf8',
          maxBuffer: 1024 * 1024,
        }),
      ) as { ms: number; added: number; maxRssMb: number };
      report.figure(
        `import of ${UNITS} units' evidence (own process)`,
        child.ms,
        `${child.added} tài liệu; bộ nhớ đỉnh của tiến trình ${child.maxRssMb.toFixed(0)} MB; mục tiêu < 60 s, < 300 MB`,
      );
      const reopened = Workspace.open(path.join(dir, 'bench.parws'));

      const leaf = leaves[0];
      const open = await timed(() => {
        const docs = listDocuments(reopened, YEAR, { unitCode: units[42].code });
        const ofLeaf = docs.filter((d) => d.criterionCode === leaf);
        return blobContent(reopened, ofLeaf[0].sha256)!.toString('base64').length;
      });
      report.figure("opening a leaf's documents (list and one document's bytes)", open.ms, 'mục tiêu < 200 ms');
      reopened.close();
      report.figure('workspace size', 0, `${(fs.statSync(path.join(dir, 'bench.parws')).size / 1024 / 1024).toFixed(0)} MB`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
