// The printed scorecard says how many of the unit's claimed points lack evidence: the leaves
// flagged "Thiếu tài liệu kiểm chứng" (evidence required, points claimed, no document) and the
// points claimed on them; a unit whose documents cover every such leaf gets no such line.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../electron/db/workspace';
import { importEvidence } from '../../../electron/features/evidence/service';
import { printScorecards } from '../../../electron/features/print/scorecards';
import { makePdf, writeTree } from '../evidence/files';
import { tempDir } from '../../helpers/tmp';
import { createReportWorkspace, LEAVES } from './fixture';

const LINE = 'Điểm tự chấm chưa có tài liệu kiểm chứng';

function pdfWords(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
}

describe('missing evidence on the scorecard', () => {
  const dir = tempDir('parw-scorecard-evidence-');
  let ws: Workspace;
  beforeAll(() => {
    ws = createReportWorkspace(dir);
  });
  afterAll(() => ws.close());

  const print = async (unitCode: string, out: string) =>
    (await printScorecards(ws, { year: 2025, selection: { unitCode }, outDir: path.join(dir, out), issuedOn: new Date(2026, 0, 5) })).files[0];

  it('counts the flagged sub-criteria and their self-scored points, and says nothing once documents cover them', async () => {
    // Sở Tư pháp claims 2 + 4 + 3 + 3 + 3 + 6 + 4 + 3,5 = 28,5 points on its eight self-scored leaves, none with a document
    expect(pdfWords(await print('S02', 'none'))).toContain(`${LINE}: 8 tiêu chí, 28,5 điểm.`);

    // documents for 1.1 and 1.2 (2 + 4 points) take those two out
    await importEvidence(ws, writeTree(path.join(dir, 'S02-2025'), { '1.1/Kế hoạch CCHC.pdf': makePdf(1), '1.2 Báo cáo.pdf': makePdf(2, 'Bao cao') }), { year: 2025 });
    expect(pdfWords(await print('S02', 'some'))).toContain(`${LINE}: 6 tiêu chí, 22,5 điểm.`);

    // Sở Tài chính sends a document for every self-scored leaf: the line is not printed
    const self = LEAVES.filter((l) => l !== '4.1');
    await importEvidence(ws, writeTree(path.join(dir, 'S01-2025'), Object.fromEntries(self.map((l, i) => [`${l}/Tài liệu ${l}.pdf`, makePdf(1, `Tai lieu ${i}`)]))), {
      year: 2025,
    });
    const covered = pdfWords(await print('S01', 'all'));
    expect(covered).toContain('Sở Tài chính');
    expect(covered).not.toContain(LINE);
  });
});
