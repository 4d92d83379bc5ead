// What a unit scorecard (Phiếu kết quả Chỉ số CCHC) is made of, apart from its markup: the
// chart, the layouts a card can be set in, the appraisal notes grouped, the file name. The
// markup itself is scorecard-view.tsx (React, rendered to static HTML); printing is done by
// electron/services/print.
import type { EChartsOption } from 'echarts';
import { scorecardFieldsOption } from '../compare/charts';
import type { LeafLoss } from '../compare/points-lost';
import type { ScorecardData } from './scorecard-data';
import { codeForFileName } from '../units/codes';

/** The scorecard's paper: A4 portrait with the margins of an administrative document, in mm. */
export const SCORECARD_PAPER = { width: 210, height: 297, margin: { top: 20, right: 15, bottom: 18, left: 30 } } as const;

/** The part of a page the card is set in, in CSS pixels (96 to the inch, as Chromium prints). */
export const SCORECARD_PRINTABLE = {
  width: ((SCORECARD_PAPER.width - SCORECARD_PAPER.margin.left - SCORECARD_PAPER.margin.right) * 96) / 25.4,
  height: ((SCORECARD_PAPER.height - SCORECARD_PAPER.margin.top - SCORECARD_PAPER.margin.bottom) * 96) / 25.4,
} as const;

/** Size of the scorecard chart in CSS pixels (about the printable width of the page). */
export const SCORECARD_CHART = { width: 620, height: 185 } as const;

export interface ScorecardAssets {
  /**
   * @font-face rules of the bundled fonts (data: URLs), so that every machine prints the same;
   * or the rules for a document's text, given that text (title and body markup)
   */
  fontCss: string | ((text: string) => string);
}

export interface ScorecardPage {
  data: ScorecardData;
  /** the chart of field indices, as an SVG element */
  chartSvg: string;
  /** how tightly to set the card; FULL_LAYOUT when absent */
  layout?: ScorecardLayout;
}

/** How tightly a card is set: smaller type, and at most `noteLimit` appraisal notes (null = all). */
export interface ScorecardLayout {
  compact: boolean;
  noteLimit: number | null;
}

/** A scorecard takes one A4 page, two at most. */
export const SCORECARD_MAX_PAGES = 2;

/** The layout a card gets first: regular type, every note. */
export const FULL_LAYOUT: ScorecardLayout = { compact: false, noteLimit: null };

/** Sub-criteria that share the same appraisal note, in the order first met. */
export interface NoteGroup {
  codes: string[];
  titles: string[];
  note: string;
}

export function groupNotes(notes: LeafLoss[]): NoteGroup[] {
  const groups = new Map<string, NoteGroup>();
  for (const n of notes) {
    const text = (n.note ?? '').trim();
    if (!text) continue;
    const group = groups.get(text) ?? { codes: [], titles: [], note: text };
    group.codes.push(n.code);
    group.titles.push(n.title);
    groups.set(text, group);
  }
  return [...groups.values()];
}

export function scorecardChartOption(card: ScorecardData): EChartsOption {
  const averages = new Map(card.fields.map((f) => [f.code, f.blockAverage]));
  return scorecardFieldsOption(card.unit, averages, card.block.name);
}

/** The file name of a unit's scorecard, "Phieu-ket-qua-2025-so-S01.pdf", safe on every system. */
export function scorecardFileName(year: number, blockCode: string, unitCode: string): string {
  const safe = (s: string) => codeForFileName(s.normalize('NFC'), /[^\p{L}\p{N}_-]+/gu, '_');
  return `Phieu-ket-qua-${year}-${safe(blockCode)}-${safe(unitCode)}.pdf`;
}
