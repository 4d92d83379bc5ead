import { describe, expect, it } from 'vitest';
import type { MeasuredBox, PdfPrinter } from '../../../electron/print/chromium';
import { estimatePages, printScorecardFitted } from '../../../electron/features/print/fit';
import { workerPool } from '../../../electron/print/pool';
import type { LeafLoss } from '../../../shared/compare';
import { SCORECARD_PRINTABLE, type ScorecardData, type ScorecardPage } from '../../../shared/print';

/** Boxes one after another, each `height` tall with `gap` before it. */
function stack(items: [tag: string, height: number][], gap = 0): MeasuredBox[] {
  let y = 0;
  return items.map(([tag, height]) => {
    y += gap;
    const box = { tag, top: y, bottom: y + height };
    y += height;
    return box;
  });
}

describe('estimating the pages of a laid-out card', () => {
  it('counts a page for what fits and starts a new one for a box that would cross the foot', () => {
    expect(estimatePages(stack([['p', 40], ['div', 50]]), 100)).toBe(1);
    expect(estimatePages(stack([['p', 60], ['div', 50]]), 100)).toBe(2);
    // the pushed box leaves room at the foot: what follows moves down with it
    expect(estimatePages(stack([['p', 60], ['div', 50], ['p', 55]]), 100)).toBe(3);
  });

  it('takes a heading along with the box after it', () => {
    // h2 at 80–95 fits, the table after it does not: both go, and the last box then crosses again
    expect(estimatePages(stack([['p', 80], ['h2', 15], ['div', 50], ['p', 45]]), 100)).toBe(3);
    expect(estimatePages(stack([['p', 80], ['div', 15], ['div', 50], ['p', 45]]), 100)).toBe(2);
  });

  it('repeats the table head above a row carried to the next page', () => {
    const rows = stack([['thead', 10], ['tr', 30], ['tr', 30], ['tr', 30], ['tr', 30]]);
    const after = (height: number) => [...rows, { tag: 'p', top: 130, bottom: 130 + height }];
    // the fourth row (100–130) moves to page 2 under the repeated head: 110–140
    expect(estimatePages(rows, 100)).toBe(2);
    expect(estimatePages(after(60), 100)).toBe(2);
    expect(estimatePages(after(65), 100)).toBe(3);
  });

  it('splits a box taller than a page where it falls', () => {
    expect(estimatePages(stack([['p', 50], ['div', 230]]), 100)).toBe(3);
  });
});

describe('a pool of workers', () => {
  it('gives each job a free worker, never two jobs to one worker, first asked first served', async () => {
    const { run } = workerPool(['a', 'b']);
    const busy = new Set<string>();
    const log: string[] = [];
    let most = 0;
    const job = (name: string, ms: number) =>
      run(async (worker) => {
        expect(busy.has(worker)).toBe(false);
        busy.add(worker);
        most = Math.max(most, busy.size);
        log.push(`${name} starts`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        busy.delete(worker);
        return name;
      });
    const done = await Promise.all([job('1', 30), job('2', 10), job('3', 10), job('4', 10)]);
    expect(done).toEqual(['1', '2', '3', '4']);
    expect(most).toBe(2);
    expect(log).toEqual(['1 starts', '2 starts', '3 starts', '4 starts']);
  });

  it('frees the worker of a job that failed', async () => {
    const { run } = workerPool(['only']);
    await expect(run(() => Promise.reject(new Error('hỏng')))).rejects.toThrow('hỏng');
    expect(await run(async (w) => w)).toBe('only');
  });

  it('hands a worker that joins late to the job waiting longest', async () => {
    const pool = workerPool<string>();
    const first = pool.run(async (w) => `1 ${w}`);
    const second = pool.run(async (w) => `2 ${w}`);
    pool.add('late');
    expect(await Promise.all([first, second])).toEqual(['1 late', '2 late']);
  });
});

/** A hundredth of the printed page's height. */
const U = SCORECARD_PRINTABLE.height / 100;

/**
 * A printer of pretend cards, in hundredths of a page: the card without notes takes 150 in regular
 * type and 120 in small type, a note 20 and 15, the line counting the notes left out 10.
 * `shortBy` makes its measurement say that much less than its print.
 */
function pretendPrinter(options: { measure: boolean; shortBy?: number }) {
  const prints: string[] = [];
  let measures = 0;
  const heightOf = (section: string) => {
    const compact = section.includes('scorecard compact');
    const notes = (section.match(/<li>/g) ?? []).length;
    const leftOut = section.includes('không in hết') ? 10 : 0;
    return ((compact ? 120 : 150) + notes * (compact ? 15 : 20) + leftOut) * U;
  };
  const boxesOf = (section: string): MeasuredBox[] => {
    const compact = section.includes('scorecard compact');
    const notes = (section.match(/<li>/g) ?? []).length;
    const head: [string, number][] = [['div', (compact ? 120 : 150) * U]];
    const items: [string, number][] = Array.from({ length: notes }, () => ['li', (compact ? 15 : 20) * U]);
    const tail: [string, number][] = section.includes('không in hết') ? [['p', 10 * U]] : [];
    return stack([...head, ...items, ...tail]);
  };
  const sections = (html: string) => html.split('<section').slice(1);
  const printer: PdfPrinter = {
    lanes: 1,
    async print(html) {
      const [section] = sections(html);
      prints.push(section.includes('compact') ? `compact ${(section.match(/<li>/g) ?? []).length}` : 'regular');
      const pages = Math.ceil(heightOf(section) / SCORECARD_PRINTABLE.height - 1e-9);
      return Buffer.from('/Type /Page\n'.repeat(pages));
    },
    async close() {},
  };
  if (options.measure) {
    printer.measure = async (html) => {
      measures++;
      return sections(html).flatMap((section, i) => [
        { tag: 'section', top: i * 1000 * U, bottom: i * 1000 * U + heightOf(section) },
        ...boxesOf(section).map((b) => ({ ...b, top: b.top + i * 1000 * U, bottom: b.bottom + i * 1000 * U - (options.shortBy ?? 0) * U })),
      ]);
    };
  }
  return { printer, prints, measures: () => measures };
}

function card(notes: number): ScorecardPage {
  const note = (i: number): LeafLoss => ({
    code: `${i}.1`,
    title: `Tiêu chí ${i}`,
    fieldCode: 'I',
    method: 'free',
    max: 1,
    score: 0,
    lost: 1,
    selfScore: null,
    appraisedScore: 0,
    selfAboveAppraised: null,
    note: `Ý kiến ${i}`,
    explanation: null,
  });
  const data = {
    province: null,
    issuer: 'Sở Nội vụ',
    year: 2025,
    periodName: 'Chỉ số CCHC năm 2025',
    sample: false,
    block: { code: 'so', name: 'Khối sở', average: 80, rankedUnits: 1 },
    unit: { code: 'S01', name: 'Sở Tài chính', blockCode: 'so', ranked: true, total: 80, max: 100, index: 80, rank: 1, band: null, provisional: false, submitted: true, scored: true, fields: [], previous: null, deltaIndex: null, deltaRank: null, fieldsUp: null, fieldsDown: null, fieldsUpBoth: null, fieldsDownBoth: null },
    fields: [],
    largestLosses: [],
    selfAbove: { count: 0, points: 0 },
    missingEvidence: { count: 0, points: 0 },
    notes: Array.from({ length: notes }, (_, i) => note(i + 1)),
    satisfaction: null,
    issuedOn: '05/01/2026',
    signer: { place: null, title: null, name: null },
    published: false,
    decision: null,
  } satisfies ScorecardData;
  return { data, chartSvg: '' };
}

describe('fitting a card on two pages', () => {
  const assets = { fontCss: '' };

  it('prints a card that fits once, as it is', async () => {
    const { printer, prints, measures } = pretendPrinter({ measure: true });
    const fitted = await printScorecardFitted(card(2), assets, printer);
    expect([fitted.pages, fitted.page.layout]).toEqual([2, { compact: false, noteLimit: null }]);
    expect(prints).toEqual(['regular']);
    expect(measures()).toBe(0);
  });

  it('measures a card too long once and prints it with the most notes that fit', async () => {
    // regular: 150 + 20 × 6 = 270 (3 pages); small with every note: 120 + 90 = 210; with 5 and the line: 205
    const { printer, prints, measures } = pretendPrinter({ measure: true });
    const fitted = await printScorecardFitted(card(6), assets, printer);
    expect(fitted.pages).toBe(2);
    expect(fitted.page.layout).toEqual({ compact: true, noteLimit: 4 });
    expect(prints).toEqual(['regular', 'compact 4']);
    expect(measures()).toBe(1);
  });

  it('prints the small type with every note when the measurement says they fit', async () => {
    // regular: 150 + 60 = 210; small: 120 + 45 = 165
    const { printer, prints } = pretendPrinter({ measure: true });
    const fitted = await printScorecardFitted(card(3), assets, printer);
    expect(fitted.page.layout).toEqual({ compact: true, noteLimit: null });
    expect(prints).toEqual(['regular', 'compact 3']);
  });

  it('takes one note fewer at a time when the measurement fell short of the print', async () => {
    const { printer, prints } = pretendPrinter({ measure: true, shortBy: 20 });
    const fitted = await printScorecardFitted(card(6), assets, printer);
    expect(fitted.pages).toBe(2);
    expect(fitted.page.layout).toEqual({ compact: true, noteLimit: 4 });
    expect(prints).toEqual(['regular', 'compact 6', 'compact 5', 'compact 4']);
  });

  it('finds the same layout by halving on a printer that cannot measure', async () => {
    const { printer, prints } = pretendPrinter({ measure: false });
    const fitted = await printScorecardFitted(card(6), assets, printer);
    expect(fitted.page.layout).toEqual({ compact: true, noteLimit: 4 });
    expect(prints.length).toBeGreaterThan(3);
  });
});
