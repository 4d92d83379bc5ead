// A scorecard must take two A4 pages at most: print it, count, and set it tighter if needed.
// Any printer fits: Chromium through playwright-core here, Electron's printToPDF in the app.
import {
  FULL_LAYOUT,
  SCORECARD_MAX_PAGES,
  buildScorecardHtml,
  groupNotes,
  type ScorecardAssets,
  type ScorecardLayout,
  type ScorecardPage,
} from '../../../shared/print';
import { countPdfPages } from '../../print/chromium';

export interface FittedScorecard {
  pdf: Buffer;
  pages: number;
  /** the card with the layout that fitted (the tightest one when none did) */
  page: ScorecardPage;
}

/**
 * Prints the card as it is; when it takes more than two pages, in smaller type; when still
 * too long, with as many appraisal notes as fit (found by halving), the rest counted.
 */
export async function printScorecardFitted(
  page: ScorecardPage,
  assets: ScorecardAssets,
  print: (html: string) => Promise<Buffer>,
): Promise<FittedScorecard> {
  const attempt = async (layout: ScorecardLayout): Promise<FittedScorecard> => {
    const laid = { ...page, layout };
    const pdf = await print(buildScorecardHtml(laid, assets));
    return { pdf, pages: countPdfPages(pdf), page: laid };
  };
  const fits = (f: FittedScorecard) => f.pages <= SCORECARD_MAX_PAGES;
  const full = await attempt(FULL_LAYOUT);
  if (fits(full)) return full;
  const compact = await attempt({ compact: true, noteLimit: null });
  if (fits(compact)) return compact;
  // the most notes that fit: pages grow with the number of notes
  let best = await attempt({ compact: true, noteLimit: 0 });
  let low = 1;
  let high = groupNotes(page.data.notes).length - 1;
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
