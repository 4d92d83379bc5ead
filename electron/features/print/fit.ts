// A scorecard takes two A4 pages at most. A card is printed as it is, which almost every card
// fits; one that runs longer is set in smaller type with as many appraisal notes as fit. How many
// is read from one measurement in the browser (the tight card laid out at the printed width, every
// box's height known), not found by printing again and again; the printed page count stays the
// judge, with one note fewer should the estimate have been short. A printer that cannot measure
// (Electron's print window, script off) finds the number by halving, printing each try.
import {
  FULL_LAYOUT,
  SCORECARD_MAX_PAGES,
  SCORECARD_PRINTABLE,
  groupNotes,
  type ScorecardAssets,
  type ScorecardLayout,
  type ScorecardPage,
} from '../../../shared/print';
import { buildCombinedScorecardHtml, buildScorecardHtml, scorecardTitle } from '../../../shared/print/scorecard-view';
import { countPdfPages, type MeasuredBox, type PdfPrinter } from '../../print/chromium';
import { cardStarts, splitCards } from '../../print/split';

export interface FittedScorecard {
  pdf: Buffer;
  pages: number;
  /** the card with the layout that fitted (the tightest one when none did) */
  page: ScorecardPage;
}

/**
 * What paginates a card: its blocks (kept whole: headings, the chart, the blocks that avoid a
 * break inside), the rows of its tables (a table's head repeats on a new page) and the notes.
 */
const CARD_BOXES = [
  'section.scorecard',
  'section.scorecard > :not(table.grid):not(ul.notes)',
  'section.scorecard > table.grid > thead',
  'section.scorecard > table.grid > tbody > tr',
  'section.scorecard > ul.notes > li',
].join(', ');

/**
 * The pages the boxes of one card take, laid out one after another as Chromium paginates: a box
 * that would cross the foot of a page starts the next one, taking along the headings (and the
 * table head) just before it, or under its table's repeated head when it is a row; a box taller
 * than a page is split where it falls.
 */
export function estimatePages(boxes: MeasuredBox[], pageHeight: number): number {
  let page = 1;
  let shift = 0;
  let tableHead = 0;
  // top of the headings and table head right before the box, which go where it goes
  let keptWith: number | null = null;
  for (const box of boxes) {
    if (box.tag === 'thead') tableHead = box.bottom - box.top;
    else if (box.tag !== 'tr') tableHead = 0;
    let top = box.top + shift;
    if (top >= page * pageHeight) {
      while (top >= page * pageHeight) page++;
      // a row that starts a page has its table's head above it
      if (box.tag === 'tr') {
        shift += tableHead;
        top += tableHead;
      }
    }
    const foot = page * pageHeight;
    if (box.bottom + shift > foot + 0.5) {
      if (box.bottom - box.top > pageHeight) {
        page += Math.ceil((box.bottom + shift - foot) / pageHeight);
      } else {
        const from: number = keptWith !== null && keptWith >= foot - pageHeight ? keptWith : top;
        shift += foot - from + (box.tag === 'tr' && from === top ? tableHead : 0);
        keptWith = from === top ? null : foot;
        top = box.top + shift;
        page++;
      }
    }
    keptWith = box.tag === 'h2' || box.tag === 'thead' ? (keptWith ?? top) : null;
  }
  return page;
}

/** The boxes of each card of a measured document, from the top of its card (a section box opens each). */
function cardsOf(boxes: MeasuredBox[]): MeasuredBox[][] {
  const cards: MeasuredBox[][] = [];
  let origin = 0;
  for (const box of boxes) {
    if (box.tag === 'section') {
      cards.push([]);
      origin = box.top;
    } else cards[cards.length - 1]?.push({ ...box, top: box.top - origin, bottom: box.bottom - origin });
  }
  return cards;
}

/** The boxes without those from `start` to `end`, the ones after moved up by `by` pixels. */
function cut(boxes: MeasuredBox[], start: number, end: number, by: number): MeasuredBox[] {
  return [...boxes.slice(0, start), ...boxes.slice(end).map((b) => ({ ...b, top: b.top - by, bottom: b.bottom - by }))];
}

/**
 * The most appraisal notes (of `notes`) a tight card has room for on two pages, from one
 * measurement of two tight cards: one with every note, one with all but the last and the line
 * that counts the notes left out (as tall whatever the count).
 */
export async function measureNoteLimit(
  page: ScorecardPage,
  assets: ScorecardAssets,
  notes: number,
  measure: NonNullable<PdfPrinter['measure']>,
): Promise<number> {
  const tight = (noteLimit: number | null): ScorecardPage => ({ ...page, layout: { compact: true, noteLimit } });
  const html = buildCombinedScorecardHtml([tight(null), tight(notes - 1)], [1, 1], assets);
  const [all, short] = cardsOf(await measure(html, CARD_BOXES, SCORECARD_PRINTABLE.width));
  const fits = (boxes: MeasuredBox[]) => estimatePages(boxes, SCORECARD_PRINTABLE.height) <= SCORECARD_MAX_PAGES;
  if (fits(all)) return notes;
  // k notes: the short card without its notes k… , the "left out" line moved up to where note k was
  const items = short.flatMap((b, i) => (b.tag === 'li' ? [i] : []));
  const leftOut = items.length ? items[items.length - 1] + 1 : -1;
  for (let k = notes - 1; k > 0; k--) {
    const first = items[k];
    if (fits(first === undefined ? short : cut(short, first, leftOut, short[leftOut].top - short[first].top))) return k;
  }
  return 0;
}

/**
 * Prints the card as it is; when it takes more than two pages, in smaller type; when still
 * too long, with as many appraisal notes as fit, the rest counted.
 */
export async function printScorecardFitted(page: ScorecardPage, assets: ScorecardAssets, printer: PdfPrinter): Promise<FittedScorecard> {
  const attempt = async (layout: ScorecardLayout): Promise<FittedScorecard> => {
    const laid = { ...page, layout };
    const pdf = await printer.print(buildScorecardHtml(laid, assets));
    return { pdf, pages: countPdfPages(pdf), page: laid };
  };
  const fits = (f: FittedScorecard) => f.pages <= SCORECARD_MAX_PAGES;
  const full = await attempt(FULL_LAYOUT);
  if (fits(full)) return full;
  const notes = groupNotes(page.data.notes).length;
  if (notes === 0) return attempt({ compact: true, noteLimit: null });
  if (!printer.measure) return halving(attempt, fits, notes);
  for (let k = await measureNoteLimit(page, assets, notes, printer.measure); ; k--) {
    const tried = await attempt({ compact: true, noteLimit: k === notes ? null : k });
    if (fits(tried) || k === 0) return tried;
  }
}

/** Without measurement: the tight card with every note, else the most notes that fit, found by halving. */
async function halving(
  attempt: (layout: ScorecardLayout) => Promise<FittedScorecard>,
  fits: (f: FittedScorecard) => boolean,
  notes: number,
): Promise<FittedScorecard> {
  const compact = await attempt({ compact: true, noteLimit: null });
  if (fits(compact)) return compact;
  let best = await attempt({ compact: true, noteLimit: 0 });
  let low = 1;
  let high = notes - 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const tried = await attempt({ compact: true, noteLimit: mid });
    if (fits(tried)) {
      best = tried;
      low = mid + 1;
    } else high = mid - 1;
  }
  return best;
}

/** The links that mark where each card of a batch starts (never followed: the print page loads nothing). */
const CARD_MARKS = 'https://parw.invalid/the-card/';

/**
 * Prints several cards as one document and cuts it into one PDF per card: a few times faster
 * than a print per card. Printed first as if each took two pages, then, when a card's pages
 * differ, again with the counts read from the first print (each card starts on a page of its own,
 * so its pages do not depend on the others). A card longer than two pages is fitted alone; should
 * the marks not be found, every card is printed alone.
 */
export async function printScorecardBatch(pages: ScorecardPage[], assets: ScorecardAssets, printer: PdfPrinter): Promise<FittedScorecard[]> {
  const alone = () => Promise.all(pages.map((page) => printScorecardFitted(page, assets, printer)));
  const laid = pages.map((page) => ({ ...page, layout: FULL_LAYOUT }));
  const print = async (list: ScorecardPage[], counts: number[]) => {
    const pdf = await printer.print(buildCombinedScorecardHtml(list, counts, assets, { marks: CARD_MARKS }));
    const found = await cardStarts(pdf, CARD_MARKS, list.length);
    if (!found) return null;
    const total = found.doc.getPageCount();
    return { ...found, counts: found.starts.map((start, i) => (i + 1 < found.starts.length ? found.starts[i + 1] : total) - start) };
  };
  const guess = laid.map(() => SCORECARD_MAX_PAGES);
  const first = await print(laid, guess);
  if (!first) return alone();
  const fitting = laid.flatMap((page, i) => (first.counts[i] <= SCORECARD_MAX_PAGES ? [i] : []));
  let batch = first;
  if (fitting.length !== laid.length || first.counts.some((c, i) => c !== guess[i])) {
    const counts = fitting.map((i) => first.counts[i]);
    const again = fitting.length ? await print(fitting.map((i) => laid[i]), counts) : null;
    if (fitting.length && (!again || again.counts.some((c, k) => c !== counts[k]))) return alone();
    batch = again!;
  }
  const cut = fitting.length ? await splitCards(batch.doc, batch.starts, fitting.map((i) => scorecardTitle(laid[i]))) : [];
  const byIndex = new Map(fitting.map((i, k) => [i, { pdf: cut[k].pdf, pages: cut[k].pages, page: laid[i] } satisfies FittedScorecard]));
  return Promise.all(laid.map((page, i) => byIndex.get(i) ?? printScorecardFitted(pages[i], assets, printer)));
}
