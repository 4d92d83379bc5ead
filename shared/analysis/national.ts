// The national tables MOHA publishes each year (every province's PAR INDEX by field, and its
// SIPAS with the component indices), turned into results ranked and compared like a block's:
// provinces matched across years by name without accents and the usual prefixes.
import type { BlockResult, FieldResult, Unit, UnitResult, YearResults } from '../domain';
import { rankBy, rankFields } from '../results/components';
import { attachYearOverYear } from '../results/engine';
import { matchKey } from '../text';

export const NATIONAL_BLOCK = 'national';
export const NATIONAL_BLOCK_NAME = 'Các tỉnh, thành phố';
export const SIPAS_BLOCK = 'national-sipas';

/** The fields of the national framework as MOHA names them: 2017–2021, then from 2022. */
export const NATIONAL_FIELDS: Record<'2017' | '2022', string[]> = {
  '2017': [
    'Công tác chỉ đạo, điều hành cải cách hành chính',
    'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật',
    'Cải cách thủ tục hành chính',
    'Cải cách tổ chức bộ máy hành chính',
    'Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức',
    'Cải cách tài chính công',
    'Hiện đại hóa hành chính',
    'Tác động của cải cách hành chính đến người dân, tổ chức và các chỉ tiêu phát triển kinh tế - xã hội của tỉnh',
  ],
  '2022': [
    'Công tác chỉ đạo, điều hành cải cách hành chính',
    'Cải cách thể chế',
    'Cải cách thủ tục hành chính',
    'Cải cách tổ chức bộ máy hành chính nhà nước',
    'Cải cách chế độ công vụ',
    'Cải cách tài chính công',
    'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
    'Tác động của cải cách hành chính đến phát triển kinh tế - xã hội của tỉnh',
  ],
};

/** The five SIPAS factors of 2017–2021 (2640/QĐ-BNV), by code. */
export const SIPAS_FACTORS: { code: string; title: string }[] = [
  { code: 'DV1', title: 'Tiếp cận dịch vụ' },
  { code: 'DV2', title: 'Thủ tục hành chính' },
  { code: 'DV3', title: 'Công chức trực tiếp giải quyết công việc' },
  { code: 'DV4', title: 'Kết quả cung ứng dịch vụ' },
  { code: 'DV5', title: 'Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị' },
];

export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

export function nationalFieldNames(year: number): string[] {
  return year >= 2022 ? NATIONAL_FIELDS['2022'] : NATIONAL_FIELDS['2017'];
}

/**
 * The field a header names: a Roman numeral first ("I", "II. Cải cách thể chế", "Lĩnh vực III")
 * or a field's name as MOHA writes it in either period; null for any other column.
 */
export function fieldOfHeader(header: string, year: number): { code: string; title: string } | null {
  const text = header.trim();
  const m = /^(?:lĩnh vực|linh vuc|lv)?\s*([IVX]+)(?:[.:\-–)\s]+(.*))?$/iu.exec(text);
  if (m && ROMAN.includes(m[1].toUpperCase())) {
    const code = m[1].toUpperCase();
    const i = ROMAN.indexOf(code);
    return { code, title: m[2]?.trim() || nationalFieldNames(year)[i] || `Lĩnh vực ${code}` };
  }
  const key = matchKey(text);
  for (const names of [nationalFieldNames(year), ...Object.values(NATIONAL_FIELDS)]) {
    const i = names.findIndex((n) => matchKey(n) === key);
    if (i >= 0) return { code: ROMAN[i], title: nationalFieldNames(year)[i] ?? names[i] };
  }
  return null;
}

/** The SIPAS factor a header names, by code ("DV1") or name ("Tiếp cận dịch vụ"); null otherwise. */
export function sipasFactorOfHeader(header: string): { code: string; title: string } | null {
  const key = matchKey(header);
  return SIPAS_FACTORS.find((f) => matchKey(f.code) === key || matchKey(f.title) === key || matchKey(`${f.code}. ${f.title}`) === key) ?? null;
}

const PREFIXES = ['tinh ', 'thanh pho ', 'tp. ', 'tp.', 'tp '];

/** The key a province is matched by across years: no accents, case, or "Tỉnh"/"Thành phố" prefix. */
export function provinceKey(name: string): string {
  let key = matchKey(name).replace(/\s+/g, ' ');
  for (const p of PREFIXES) if (key.startsWith(p)) key = key.slice(p.length).trim();
  return key;
}

/** One province's row of a year's national table, as kept. */
export interface NationalRow {
  key: string;
  name: string;
  /** the published index (Chỉ số), in % */
  index: number;
  fields: { code: string; title: string; score: number; max: number | null }[];
  sipas: number | null;
  sipasFactors: { code: string; title: string; index: number }[];
}

function unitOf(code: string, name: string, blockCode: string, index: number, total: number, max: number, fields: FieldResult[]): UnitResult {
  return {
    code,
    name,
    blockCode,
    ranked: true,
    total,
    max,
    index,
    rank: null,
    band: null,
    provisional: false,
    submitted: true,
    scored: true,
    fields,
    previous: null,
    deltaIndex: null,
    deltaRank: null,
    fieldsUp: null,
    fieldsDown: null,
    fieldsUpBoth: null,
    fieldsDownBoth: null,
  };
}

function field(code: string, title: string, score: number, max: number | null): FieldResult {
  // without a published maximum a field is ranked and compared by its points
  return { code, title, score, max: max ?? 0, index: max ? (score / max) * 100 : score, rank: null, previous: null, deltaIndex: null, deltaRank: null };
}

function block(code: string, name: string, units: UnitResult[], precision: number): BlockResult {
  const ranks = rankBy(units.map((u) => ({ code: u.code, index: u.index, points: u.total })), precision, 'shared');
  for (const u of units) u.rank = ranks.get(u.code) ?? null;
  rankFields(units, precision, 'shared');
  units.sort((a, b) => a.rank! - b.rank! || a.code.localeCompare(b.code));
  const average = units.length ? units.reduce((s, u) => s + u.index!, 0) / units.length : null;
  return { code, name, average, precision, ties: 'shared', units };
}

/**
 * A year's national table as two blocks of results: the PAR INDEX with its fields, and (where
 * published) SIPAS with its component indices in place of fields, each ranked by the
 * published figures at two decimals, equal figures sharing a rank.
 */
export function nationalYear(year: number, rows: NationalRow[]): YearResults {
  const par = rows.map((r) => {
    const total = r.fields.reduce((s, f) => s + f.score, 0);
    return unitOf(r.key, r.name, NATIONAL_BLOCK, r.index, total, 100, r.fields.map((f) => field(f.code, f.title, f.score, f.max)));
  });
  const blocks = [block(NATIONAL_BLOCK, NATIONAL_BLOCK_NAME, par, 2)];
  const withSipas = rows.filter((r) => r.sipas !== null);
  if (withSipas.length) {
    const sipas = withSipas.map((r) => unitOf(r.key, r.name, SIPAS_BLOCK, r.sipas!, r.sipas!, 100, r.sipasFactors.map((f) => field(f.code, f.title, f.index, 100))));
    blocks.push(block(SIPAS_BLOCK, 'SIPAS các tỉnh, thành phố', sipas, 2));
  }
  return { year, blocks };
}

/**
 * `current` compared with the latest earlier year's table, by the engine's one year-over-year
 * rule: each province with the same province (by key) or, for a province formed by merger,
 * with the provinces named in `lineage` (key → keys of its predecessors).
 */
export function nationalWithHistory(current: YearResults, history: YearResults[], lineage: Map<string, string[]> = new Map()): YearResults {
  for (const b of current.blocks) {
    const units: Unit[] = b.units.map((u) => ({ code: u.code, name: u.name, blockCode: b.code, ranked: true, predecessors: lineage.get(u.code) ?? [], sortOrder: 0 }));
    // the SIPAS table names the same provinces: each block compares with its own kind only
    const own = history.map((h) => ({ ...h, blocks: h.blocks.filter((x) => x.code === b.code) }));
    attachYearOverYear({ year: current.year, blocks: [b] }, own, units);
  }
  return current;
}
