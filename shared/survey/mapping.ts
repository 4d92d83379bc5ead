// Which column of a survey file holds which item, the unit and the form number. Columns are
// recognised by item code (entry sheet "DV1.1", Kobo "grp/dv1_1", LimeSurvey "DV1[SQ001]"),
// by an item's title inside the header (Google Forms "Question [row]", label exports), or
// by a saved mapping profile.
import { cleanText, matchKey } from '../text';
import type { MappingProfile, SurveyDefinition } from './model';

export type SurveyFileFormat = 'entry' | 'google' | 'kobo' | 'limesurvey' | 'other';

export const FORMAT_NAMES: Record<SurveyFileFormat, string> = {
  entry: 'Phiếu nhập của PAR Workbench',
  google: 'Google Forms',
  kobo: 'KoboToolbox/ODK',
  limesurvey: 'LimeSurvey',
  other: 'Bảng dữ liệu khác',
};

export type MatchedBy = 'code' | 'title' | 'profile';

export interface ItemColumn {
  /** 0-based column */
  column: number;
  header: string;
  itemCode: string;
  matchedBy: MatchedBy;
}

export interface ColumnMapping {
  format: SurveyFileFormat;
  unitColumn: number | null;
  formColumn: number | null;
  items: ItemColumn[];
  /** headers of the columns that map to nothing */
  ignored: string[];
  /** items of the year that no column holds */
  missingItems: string[];
  /** several columns claiming one item: item code → headers */
  conflicts: { itemCode: string; headers: string[] }[];
}

const UNIT_HEADERS = ['don vi', 'ma don vi', 'ten don vi', 'don vi duoc khao sat', 'don vi giai quyet', 'co quan', 'unit'].map(compact);
const FORM_HEADERS = ['ma phieu', 'so phieu', 'phieu so', 'so thu tu phieu', 'uuid', 'instanceid', 'meta instanceid'].map(compact);
const GOOGLE_MARKERS = ['dau thoi gian', 'timestamp'];
const KOBO_MARKERS = ['_uuid', '_submission_time', '_index', 'start', 'end', 'meta/instanceid'];
const LIME_MARKERS = ['submitdate', 'lastpage', 'startlanguage', 'seed'];

/** Letters and digits only: "DV1.1", "dv1_1", "DV1[1]" → "dv11". */
function compact(text: string): string {
  return matchKey(text).replace(/[^a-z0-9]/g, '');
}

/** The last segment of a grouped name: "grp/q1" (KoboToolbox), "grp-q1" (ODK Central). */
function lastSegment(header: string): string {
  return header.split(/[/-]/).pop() ?? header;
}

/**
 * Candidate item-code keys of a header: whole, last segment, and the LimeSurvey forms of a
 * subquestion ("Q[SQ001]", "Q_SQ001", "Q[1]") with the subquestion number as the item's.
 */
function codeKeys(header: string): string[] {
  const keys = new Set<string>();
  for (const h of [header.trim(), lastSegment(header).trim()]) {
    keys.add(compact(h));
    const lime = /^(.+?)(?:\[(?:sq)?0*(\w+)\]|_sq0*(\d+))$/i.exec(h);
    if (lime) keys.add(compact(lime[1] + (lime[2] ?? lime[3])));
  }
  keys.delete('');
  return [...keys];
}

function detectFormat(headers: string[], items: ItemColumn[]): SurveyFileFormat {
  const keys = headers.map((h) => matchKey(h));
  if (keys.some((k) => GOOGLE_MARKERS.includes(k))) return 'google';
  if (keys.some((k) => KOBO_MARKERS.includes(k)) || headers.some((h) => h.includes('/'))) return 'kobo';
  if (keys.some((k) => LIME_MARKERS.includes(k)) || headers.some((h) => /\[.+\]\s*$/.test(h) && items.some((i) => i.header === h && i.matchedBy === 'code'))) {
    return 'limesurvey';
  }
  if (items.length && items.every((i) => i.matchedBy === 'code')) return 'entry';
  return 'other';
}

/** Maps the header row of a survey file onto the year's items. */
export function mapSurveyColumns(headers: string[], def: SurveyDefinition, profile: MappingProfile | null): ColumnMapping {
  const byCompact = new Map<string, string | null>();
  for (const item of def.items) {
    const k = compact(item.code);
    byCompact.set(k, byCompact.has(k) ? null : item.code);
  }
  const titles = def.items
    .map((i) => ({ code: i.code, key: matchKey(i.title) }))
    .sort((a, b) => b.key.length - a.key.length);
  const profileColumns = new Map(Object.entries(profile?.columns ?? {}).map(([h, code]) => [matchKey(h), code.trim()]));
  const profileUnit = profile?.unitColumn ? matchKey(profile.unitColumn) : null;
  const profileForm = profile?.formColumn ? matchKey(profile.formColumn) : null;
  const itemCodes = new Set(def.items.map((i) => i.code));

  let unitColumn: number | null = null;
  let formColumn: number | null = null;
  const items: ItemColumn[] = [];
  const ignored: string[] = [];
  headers.forEach((raw, column) => {
    const header = cleanText(raw);
    if (!header) return;
    const key = matchKey(header);
    const add = (itemCode: string, matchedBy: MatchedBy) => items.push({ column, header, itemCode, matchedBy });
    if (profileUnit === key && unitColumn === null) return void (unitColumn = column);
    if (profileForm === key && formColumn === null) return void (formColumn = column);
    if (profileColumns.has(key)) {
      const code = profileColumns.get(key)!;
      if (code && itemCodes.has(code)) add(code, 'profile');
      else ignored.push(header);
      return;
    }
    const byCode = codeKeys(header)
      .map((k) => byCompact.get(k))
      .find((c): c is string => typeof c === 'string');
    if (byCode) return add(byCode, 'code');
    const whole = compact(header);
    const segment = compact(lastSegment(header));
    if (unitColumn === null && !profileUnit && (UNIT_HEADERS.includes(whole) || UNIT_HEADERS.includes(segment))) {
      return void (unitColumn = column);
    }
    if (formColumn === null && !profileForm && (FORM_HEADERS.includes(whole) || FORM_HEADERS.includes(segment))) {
      return void (formColumn = column);
    }
    const byTitle = titles.find((t) => t.key && key.includes(t.key));
    if (byTitle) return add(byTitle.code, 'title');
    ignored.push(header);
  });

  const claimed = new Map<string, string[]>();
  for (const i of items) claimed.set(i.itemCode, [...(claimed.get(i.itemCode) ?? []), i.header]);
  const conflicts = [...claimed.entries()]
    .filter(([, hs]) => hs.length > 1)
    .map(([itemCode, hs]) => ({ itemCode, headers: hs }));
  return {
    format: detectFormat(headers, items),
    unitColumn,
    formColumn,
    items,
    ignored,
    missingItems: def.items.map((i) => i.code).filter((c) => !claimed.has(c)),
    conflicts,
  };
}
