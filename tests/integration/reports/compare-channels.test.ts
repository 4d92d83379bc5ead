import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppSession, dispatch, type DialogPurpose } from '../../../electron/app';
import { chartImageBytes } from '../../../electron/features/compare/handlers';
import { openPdfPrinter } from '../../../electron/print/chromium';
import { PRINT_CONTENT_SECURITY_POLICY, withPrintPolicy } from '../../../electron/print/policy';
import { scorecardDocuments } from '../../../electron/features/print/scorecards';
import { blockLeafLosses } from '../../../shared/compare';
import { formatPercent } from '../../../shared/format';
import type { Channel, ChannelInput, ChannelOutput, Envelope } from '../../../shared/contract';
import { tempDir } from '../../helpers/tmp';
import { createReportWorkspace, UNIT_NAMES } from './fixture';
import { getScores } from '../../../electron/features/appraisal/store';
import { requireFramework } from '../../../electron/features/framework/service';
import { yearResults } from '../../../electron/features/results/service';

const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';


describe('chart images sent by the window', () => {
  it('takes PNG and SVG data URLs and SVG text, and refuses anything else', () => {
    expect(chartImageBytes('png', `data:image/png;base64,${PNG_1PX}`).subarray(1, 4).toString()).toBe('PNG');
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>Sở Tư pháp</text></svg>';
    expect(chartImageBytes('svg', `data:image/svg+xml;charset=UTF-8,${encodeURIComponent(svg)}`).toString('utf8')).toBe(svg);
    expect(chartImageBytes('svg', `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`).toString('utf8')).toBe(svg);
    expect(chartImageBytes('svg', svg).toString('utf8')).toBe(svg);
    expect(() => chartImageBytes('png', `data:image/svg+xml;base64,${PNG_1PX}`)).toThrow('không phải PNG');
    expect(() => chartImageBytes('png', `data:image/png;base64,${Buffer.from('<svg>').toString('base64')}`)).toThrow('không phải ảnh PNG');
    expect(() => chartImageBytes('svg', 'data:text/html,<script>alert(1)</script>')).toThrow('không phải SVG');
    expect(() => chartImageBytes('png', PNG_1PX)).toThrow('data URL');
  });
});

describe('the compare and report channels on a real workspace', () => {
  const dir = tempDir('parw-compare-');
  const answers: Partial<Record<DialogPurpose, string[] | null>> = {};
  let session: AppSession;
  beforeAll(() => {
    const ws = createReportWorkspace(dir);
    const file = ws.file;
    ws.close();
    session = new AppSession({ dataDir: path.join(dir, 'app'), pickFiles: async (purpose) => answers[purpose] ?? null });
    session.open(file);
  });
  afterAll(() => session.close());
  const call = async <K extends Channel>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> => {
    const envelope = (await dispatch(session.handlers, channel, input)) as Envelope<ChannelOutput<K>>;
    if (!envelope.ok) throw new Error(envelope.failure.message);
    return envelope.value;
  };

  it("gives a unit's result, the block's field averages and every leaf with its loss", async () => {
    const detail = await call('compare:unit', { year: 2025, unitCode: 'S02' });
    expect(detail).toMatchObject({ unit: { name: UNIT_NAMES.S02, index: 83.5, rank: 3, band: 'Khá' }, blockCode: 'so' });
    expect(detail.fieldAverages.map((f) => f.code)).toEqual(['I', 'II', 'III', 'IV']);
    expect(detail.losses.find((l) => l.code === '2.2')).toMatchObject({ lost: 2.5, selfAboveAppraised: 2.5 });
    expect(detail.criteria.find((c) => c.code === '2.1')).toMatchObject({ leaf: false, maxPoints: 6 });
    await expect(call('compare:unit', { year: 2025, unitCode: 'KHONGCO' })).rejects.toThrow('KHONGCO');
  });

  it("gives the block's Pareto of points lost", async () => {
    const { losses } = await call('compare:blockLosses', { year: 2025, blockCode: 'so' });
    const ws = session.workspace!;
    const block = yearResults(ws, 2025).blocks[0];
    expect(losses).toEqual(blockLeafLosses(requireFramework(ws, 2025, 'so'), getScores(ws, 2025), block.units));
  });

  it('runs a what-if without saving anything, and refuses points above the maximum', async () => {
    const ws = session.workspace!;
    const before = JSON.stringify(getScores(ws, 2025));
    const outcome = await call('compare:whatIf', {
      year: 2025,
      unitCode: 'S02',
      hypothetical: [
        { criterionCode: '3.1', points: 'max' },
        { criterionCode: '3.2', points: 'max' },
      ],
    });
    expect([outcome.before.index, outcome.before.rank]).toEqual([83.5, 3]);
    expect(outcome.after.index).toBeCloseTo(87.25, 10);
    expect(outcome.after.rank).toBe(2);
    expect(JSON.stringify(getScores(ws, 2025))).toBe(before);
    await expect(call('compare:whatIf', { year: 2025, unitCode: 'S02', hypothetical: [{ criterionCode: '3.1', points: 9 }] })).rejects.toThrow(
      UNIT_NAMES.S02,
    );
  });

  it('saves a chart where the person chooses, adding the extension, and nothing when the dialog is cancelled', async () => {
    const data = `data:image/png;base64,${PNG_1PX}`;
    expect(await call('compare:saveChart', { format: 'png', name: 'Xep-hang', data })).toEqual({ cancelled: true });
    answers['chart-png'] = [path.join(dir, 'bieu-do')];
    expect(await call('compare:saveChart', { format: 'png', name: 'Xep-hang', data })).toEqual({
      cancelled: false,
      value: { file: path.join(dir, 'bieu-do.png') },
    });
    expect(fs.readFileSync(path.join(dir, 'bieu-do.png'))).toEqual(Buffer.from(PNG_1PX, 'base64'));
  });
});

describe("the printers' content security policy", () => {
  const dir = tempDir('parw-print-policy-');
  it('allows no script, and lets the inlined fonts and inline styles of a scorecard through', async () => {
    expect(PRINT_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(PRINT_CONTENT_SECURITY_POLICY).not.toContain('script-src');
    const ws = createReportWorkspace(dir);
    try {
      const [card] = scorecardDocuments(ws, 2025, { unitCode: 'S02' });
      const html = withPrintPolicy(card.html);
      expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style'));
      const printer = await openPdfPrinter();
      const file = path.join(dir, 'phieu.pdf');
      try {
        fs.writeFileSync(file, await printer.print(html));
      } finally {
        await printer.close();
      }
      expect(execFileSync('pdffonts', [file]).toString()).toMatch(/Tinos/);
      const text = execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ');
      expect(text).toContain(UNIT_NAMES.S02);
      expect(text).toContain(formatPercent(83.5));
    } finally {
      ws.close();
    }
  });
});
