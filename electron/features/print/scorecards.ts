// Unit scorecards from a workspace: the data, the HTML, and batch printing to one PDF per unit
// or one combined PDF, with progress. The printer is Chromium through playwright-core on the
// command line, or the one the caller passes (Electron's printToPDF in the app); a batch keeps
// each of its lanes busy while the next card's chart is drawn here.
import fs from 'node:fs';
import type { YearResults } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import { formatDate } from '../../../shared/format';
import {
  SCORECARD_CHART,
  scorecardChartOption,
  scorecardData,
  scorecardFileName,
  type ScorecardData,
  type ScorecardSigner,
  type ScorecardPage,
} from '../../../shared/print';
import { buildCombinedScorecardHtml, buildScorecardHtml } from '../../../shared/print/scorecard-view';
import { surveyResults } from '../survey';
import { missingEvidence } from '../evidence/service';
import type { Workspace } from '../../db/workspace';
import { renderChartSvg } from '../../print/charts';
import { startPdfPrinter, type PdfPrinter } from '../../print/chromium';
import { documentSettings, isSampleWorkspace, workspaceProvince, type DocumentSettings } from '../workspace/settings';
import { printScorecardBatch, printScorecardFitted } from './fit';
import { UniqueNames, fileInside, refuseUnsafeFolder, writeFileAtomically } from '../../files/output';
import { printFontCss } from '../../print/fonts';
import { getScores } from '../appraisal/store';
import { requireFramework } from '../framework/service';
import { yearResults } from '../results/service';
import { requireUnit } from '../units/service';
import { listUnits } from '../units/store';
import { yearPublication } from '../publication/service';
import { requireBlock, requirePeriod } from '../workspace/service';

/** Which units to print: one unit, one block, or every unit of the year. */
export type ScorecardSelection = { unitCode: string } | { blockCode: string } | { all: true };

/** Results of the latest year before `year` that the units of `results` compare with, if any. */
export function previousYearResults(ws: Workspace, results: YearResults): YearResults | null {
  const years = results.blocks.flatMap((b) => b.units.map((u) => u.previous?.year ?? null)).filter((y): y is number => y !== null);
  if (years.length === 0) return null;
  return yearResults(ws, Math.max(...years));
}

/** The data of the chosen scorecards, ranking order per block; refuses a selection with nothing to print. */
export function loadScorecardData(
  ws: Workspace,
  year: number,
  selection: ScorecardSelection,
  options: { issuedOn?: Date } = {},
): ScorecardData[] {
  const period = requirePeriod(ws, year);
  const publication = yearPublication(ws, year);
  const results = yearResults(ws, year);
  let unitCodes: string[] | undefined;
  if ('unitCode' in selection) {
    const unit = requireUnit(ws, selection.unitCode);
    if (!results.blocks.some((b) => b.units.some((u) => u.code === unit.code))) {
      throw new UserError(`Đơn vị ${unit.name} (mã ${unit.code}) chưa có điểm năm ${year} nên chưa có phiếu kết quả.`);
    }
    unitCodes = [unit.code];
  } else if ('blockCode' in selection) {
    const block = requireBlock(ws, selection.blockCode);
    const found = results.blocks.find((b) => b.code === block.code);
    if (!found) throw new UserError(`${block.name} chưa có kết quả năm ${year} (chưa có bộ chỉ số hoặc chưa có điểm).`);
    unitCodes = found.units.map((u) => u.code);
  } else if (results.blocks.length === 0) {
    throw new UserError(`Năm ${year} chưa có kết quả nào (chưa có điểm) nên chưa có phiếu kết quả.`);
  }
  return scorecardData(
    {
      results,
      previousResults: previousYearResults(ws, results),
      frameworks: results.blocks.map((b) => requireFramework(ws, year, b.code)),
      scores: getScores(ws, year),
      units: listUnits(ws),
      periodName: period.name,
      province: workspaceProvince(ws),
      sample: isSampleWorkspace(ws),
      issuedOn: formatDate(options.issuedOn ?? new Date()),
      signer: signerOf(documentSettings(ws)),
      published: publication.published,
      decision: publication.stamp,
      survey: surveyResults(ws, year),
      missingEvidence: missingEvidence(ws, year),
    },
    unitCodes,
  );
}

function signerOf(settings: DocumentSettings): ScorecardSigner {
  return { place: settings.signPlace, title: settings.signerTitle, name: settings.signerName };
}

/** A scorecard with its chart drawn. */
export function scorecardPage(data: ScorecardData): ScorecardPage {
  return { data, chartSvg: renderChartSvg(scorecardChartOption(data), SCORECARD_CHART.width, SCORECARD_CHART.height) };
}

export interface ScorecardDocument {
  unitCode: string;
  unitName: string;
  fileName: string;
  html: string;
}

/** One self-contained HTML document per chosen unit, as printed when it fits (regular type, every note). */
export function scorecardDocuments(ws: Workspace, year: number, selection: ScorecardSelection): ScorecardDocument[] {
  const assets = { fontCss: printFontCss };
  return loadScorecardData(ws, year, selection).map((data) => ({
    unitCode: data.unit.code,
    unitName: data.unit.name,
    fileName: scorecardFileName(year, data.block.code, data.unit.code),
    html: buildScorecardHtml(scorecardPage(data), assets),
  }));
}

export interface PrintProgress {
  /** cards printed so far, of `total` */
  done: number;
  total: number;
  unitCode: string;
  unitName: string;
}

export interface PrintScorecardsOptions {
  year: number;
  selection: ScorecardSelection;
  /** folder the PDF files go to (created if missing) */
  outDir: string;
  /** one PDF with every card instead of one PDF per unit */
  combined?: boolean;
  chromiumPath?: string;
  /**
   * The printer to use (the app passes one built on Electron's printToPDF); left open.
   * Without it a headless Chromium is started and closed.
   */
  printer?: PdfPrinter;
  onProgress?: (progress: PrintProgress) => void;
  issuedOn?: Date;
}

export interface PrintedScorecards {
  files: string[];
  units: number;
  /** pages per unit, by unit code */
  pages: Record<string, number>;
}

function prepareOutDir(outDir: string): void {
  refuseUnsafeFolder(outDir);
  fs.mkdirSync(outDir, { recursive: true });
}

/** Writes through a temporary file so that a stopped run never leaves half a PDF under the real name. */
function writeFileWhole(file: string, bytes: Buffer): void {
  writeFileAtomically(file, bytes);
}

function combinedFileName(year: number, selection: ScorecardSelection, cards: ScorecardData[]): string {
  const scope = 'unitCode' in selection ? cards[0].unit.code : 'blockCode' in selection ? selection.blockCode : 'tat-ca';
  return scorecardFileName(year, 'tong-hop', scope);
}

/**
 * Runs `work` on the items with at most `concurrency` of them under way, and hands each result
 * to `done` in the items' order. After a failure no item is started; the ones under way finish
 * before the error is thrown (the printer they use is closed after).
 */
async function inOrder<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>, done: (result: R, index: number) => void): Promise<void> {
  const started: Promise<R>[] = [];
  try {
    for (let i = 0; i < items.length; i++) {
      while (started.length < items.length && started.length < i + concurrency) {
        const result = work(items[started.length]);
        // a later card may fail while an earlier one is awaited: handled below, not left unhandled
        result.catch(() => undefined);
        started.push(result);
      }
      done(await started[i], i);
    }
  } catch (e) {
    await Promise.allSettled(started);
    throw e;
  }
}

/** At most a dozen cards a batch, and at least one batch a lane, so that every lane prints. */
function batchesOf<T>(items: T[], lanes: number): T[][] {
  const size = Math.max(1, Math.min(12, Math.ceil(items.length / Math.max(1, lanes))));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Prints the chosen scorecards: one PDF per unit, or one combined PDF in which every card
 * starts on a new page and is numbered on its own.
 */
export async function printScorecards(ws: Workspace, options: PrintScorecardsOptions): Promise<PrintedScorecards> {
  // Chromium starts while the cards' figures are read
  const starting = options.printer ? null : startPdfPrinter({ chromiumPath: options.chromiumPath });
  let cards: ScorecardData[];
  try {
    await starting?.launching;
    cards = loadScorecardData(ws, options.year, options.selection, { issuedOn: options.issuedOn });
    prepareOutDir(options.outDir);
  } catch (e) {
    await starting?.ready.then(
      (printer) => printer.close(),
      () => undefined,
    );
    throw e;
  }
  const assets = { fontCss: printFontCss };
  const printer: PdfPrinter = options.printer ?? (await starting!.ready);
  try {
    const pages: Record<string, number> = {};
    const files: string[] = [];
    const drawn: ScorecardPage[] = [];
    const names = new UniqueNames();
    // cards go to the printer in batches, one document each (see printScorecardBatch), one batch
    // more than the printer's lanes: its charts are drawn while the lanes print
    const batches = batchesOf(cards, printer.lanes);
    let done = 0;
    await inOrder(
      batches,
      printer.lanes + 1,
      (batch) => (batch.length === 1 ? printScorecardFitted(scorecardPage(batch[0]), assets, printer).then((f) => [f]) : printScorecardBatch(batch.map(scorecardPage), assets, printer)),
      (fitted) => {
        for (const card of fitted) {
          const data = card.page.data;
          drawn.push(card.page);
          pages[data.unit.code] = card.pages;
          if (!options.combined) {
            const file = fileInside(options.outDir, names.take(scorecardFileName(options.year, data.block.code, data.unit.code)));
            writeFileWhole(file, card.pdf);
            files.push(file);
          }
          done++;
          options.onProgress?.({ done, total: cards.length, unitCode: data.unit.code, unitName: data.unit.name });
        }
      },
    );
    if (options.combined) {
      const html = buildCombinedScorecardHtml(drawn, cards.map((c) => pages[c.unit.code]), assets);
      const file = fileInside(options.outDir, combinedFileName(options.year, options.selection, cards));
      writeFileWhole(file, await printer.print(html));
      files.push(file);
    }
    return { files, units: cards.length, pages };
  } finally {
    if (!options.printer) await printer.close();
  }
}
