// A scorecard must take two A4 pages at most: print it, count, and set it tighter if needed.
// Any printer fits: Chromium through playwright-core here, Electron's printToPDF in the app.
import {
  SCORECARD_LAYOUTS,
  SCORECARD_MAX_PAGES,
  buildScorecardHtml,
  type ScorecardAssets,
  type ScorecardPage,
} from '../../../shared/reports';
import { countPdfPages } from './chromium';

export interface FittedScorecard {
  pdf: Buffer;
  pages: number;
  /** the card with the layout that fitted (the tightest one when none did) */
  page: ScorecardPage;
}

/** Prints the card in each layout of SCORECARD_LAYOUTS in turn until it fits on two pages. */
export async function printScorecardFitted(
  page: ScorecardPage,
  assets: ScorecardAssets,
  print: (html: string) => Promise<Buffer>,
): Promise<FittedScorecard> {
  let last: FittedScorecard | null = null;
  for (const layout of SCORECARD_LAYOUTS) {
    const laid = { ...page, layout };
    const pdf = await print(buildScorecardHtml(laid, assets));
    last = { pdf, pages: countPdfPages(pdf), page: laid };
    if (last.pages <= SCORECARD_MAX_PAGES) break;
  }
  return last!;
}
