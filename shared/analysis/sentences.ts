// The analysis as provincial reports write it: "đạt 87,11%, xếp hạng 23/63, tăng 3,31% và tăng
// 13 bậc so với năm 2020", "có 5/8 lĩnh vực tăng điểm: …", "giảm cả về điểm và xếp hạng". Pure:
// from results already ranked and compared; no sentence where the data say nothing.
import type { BlockResult, FieldResult, UnitResult } from '../domain';
import { blockFieldAverages } from '../compare/compare';
import { describeChange, describeIndexChange, formatNumber, formatPercent, roundTo } from '../format';

export interface ComponentFigures {
  code: string;
  title: string;
  index: number | null;
  rank: number | null;
  average: number | null;
  previous: { index: number; rank: number | null } | null;
  deltaIndex: number | null;
  deltaRank: number | null;
}

export interface SubjectAnalysis {
  code: string;
  name: string;
  index: number | null;
  rank: number | null;
  /** how many are ranked: the N of "x/N" */
  of: number;
  average: number | null;
  leader: { code: string; name: string; index: number | null } | null;
  previous: { year: number; index: number; rank: number | null } | null;
  deltaIndex: number | null;
  deltaRank: number | null;
  components: ComponentFigures[];
  /** codes of components up / down in points, in rank, and in both */
  up: string[];
  down: string[];
  rankUp: string[];
  rankDown: string[];
  upBoth: string[];
  downBoth: string[];
  sentences: string[];
}

export interface Wording {
  /** "Tỉnh Mẫu", "Sở Tư pháp" */
  subject: string;
  /** what the components are called: "lĩnh vực", "chỉ số thành phần" */
  component: string;
  /** what the index is: "" for the PAR INDEX, "Chỉ số SIPAS" */
  indexName?: string;
  year: number;
}

const shown = (v: number | null) => (v === null ? 0 : roundTo(v, 2));

function names(components: ComponentFigures[], codes: string[]): string {
  return codes.map((c) => components.find((x) => x.code === c)!).map((c) => `${c.code}. ${c.title}`).join('; ');
}

function figures(field: FieldResult, average: number | null): ComponentFigures {
  return { code: field.code, title: field.title, index: field.index, rank: field.rank, average, previous: field.previous, deltaIndex: field.deltaIndex, deltaRank: field.deltaRank };
}

/** A unit's (or province's) figures and sentences within its block. */
export function analyseSubject(block: BlockResult, unit: UnitResult, wording: Wording): SubjectAnalysis {
  const ranked = block.units.filter((u) => u.ranked);
  const averages = blockFieldAverages(block);
  const components = unit.fields.map((f) => figures(f, averages.get(f.code) ?? null));
  const compared = components.filter((c) => c.deltaIndex !== null);
  const up = compared.filter((c) => shown(c.deltaIndex) > 0).map((c) => c.code);
  const down = compared.filter((c) => shown(c.deltaIndex) < 0).map((c) => c.code);
  const rankUp = compared.filter((c) => (c.deltaRank ?? 0) > 0).map((c) => c.code);
  const rankDown = compared.filter((c) => (c.deltaRank ?? 0) < 0).map((c) => c.code);
  const upBoth = up.filter((c) => rankUp.includes(c));
  const downBoth = down.filter((c) => rankDown.includes(c));
  const leader = ranked.find((u) => u.rank === 1) ?? null;
  const n = components.filter((c) => c.index !== null).length;
  const of = ranked.length;
  const sentences: string[] = [];
  const what = wording.indexName ? `${wording.indexName} ` : '';
  if (unit.index !== null) {
    let s = `Năm ${wording.year}, ${what}${wording.subject} đạt ${formatPercent(unit.index)}`;
    if (unit.rank !== null) s += `, xếp hạng ${unit.rank}/${of}`;
    const change = unit.previous ? describeChange(unit.deltaIndex, unit.deltaRank) : null;
    if (change && unit.previous) s += `, ${change} so với năm ${unit.previous.year}`;
    sentences.push(`${s}.`);
  }
  if (block.average !== null && unit.index !== null) {
    const diff = roundTo(unit.index - block.average, 2);
    if (diff !== 0) sentences.push(`Chỉ số ${diff > 0 ? 'cao hơn' : 'thấp hơn'} giá trị trung bình (${formatPercent(block.average)}) ${formatNumber(Math.abs(diff))}%.`);
  }
  if (leader && leader.code !== unit.code && leader.index !== null) sentences.push(`Đứng đầu là ${leader.name} với ${formatPercent(leader.index)}.`);
  if (compared.length) {
    const c = wording.component;
    const parts: string[] = [];
    if (up.length) parts.push(`có ${up.length}/${n} ${c} tăng điểm: ${names(components, up)}`);
    if (down.length) parts.push(`${down.length}/${n} ${c} giảm điểm: ${names(components, down)}`);
    if (parts.length) sentences.push(`So với năm ${unit.previous?.year ?? wording.year - 1}, ${parts.join('; ')}.`);
    else sentences.push(`So với năm ${unit.previous?.year ?? wording.year - 1}, các ${c} giữ nguyên điểm.`);
    const rankParts: string[] = [];
    if (rankUp.length) rankParts.push(`${rankUp.length}/${n} ${c} tăng bậc: ${names(components, rankUp)}`);
    if (rankDown.length) rankParts.push(`${rankDown.length}/${n} ${c} giảm bậc: ${names(components, rankDown)}`);
    const held = compared.filter((x) => x.deltaRank === 0).map((x) => x.code);
    if (held.length) rankParts.push(`${held.length}/${n} ${c} giữ nguyên thứ hạng`);
    if (rankParts.length) sentences.push(`Về thứ hạng, ${rankParts.join('; ')}.`);
    if (upBoth.length) sentences.push(`Có ${upBoth.length}/${n} ${c} tăng cả về điểm và thứ hạng: ${names(components, upBoth)}.`);
    if (downBoth.length) sentences.push(`Có ${downBoth.length}/${n} ${c} giảm cả về điểm và xếp hạng: ${names(components, downBoth)}.`);
    const losses = compared.filter((x) => shown(x.deltaIndex) < 0).sort((a, b) => a.deltaIndex! - b.deltaIndex!).slice(0, 3);
    if (losses.length) {
      sentences.push(
        `Giảm nhiều nhất: ${losses.map((x) => `${x.code}. ${x.title} (${describeChange(x.deltaIndex, x.deltaRank)})`).join('; ')}.`,
      );
    }
  }
  const vsAverage = components.filter((x) => x.index !== null && x.average !== null).map((x) => ({ x, diff: x.index! - x.average! }));
  if (vsAverage.length >= 2) {
    const sorted = [...vsAverage].sort((a, b) => b.diff - a.diff);
    const best = sorted[0];
    const worst = sorted[sorted.length - 1];
    if (shown(best.diff) > 0) sentences.push(`${capital(wording.component)} cao nhất so với trung bình: ${best.x.code}. ${best.x.title} (${formatPercent(best.x.index)}, cao hơn trung bình ${formatNumber(shown(best.diff))}%).`);
    if (shown(worst.diff) < 0) sentences.push(`${capital(wording.component)} thấp nhất so với trung bình: ${worst.x.code}. ${worst.x.title} (${formatPercent(worst.x.index)}, thấp hơn trung bình ${formatNumber(-shown(worst.diff))}%).`);
  }
  return {
    code: unit.code,
    name: unit.name,
    index: unit.index,
    rank: unit.rank,
    of,
    average: block.average,
    leader: leader ? { code: leader.code, name: leader.name, index: leader.index } : null,
    previous: unit.previous,
    deltaIndex: unit.deltaIndex,
    deltaRank: unit.deltaRank,
    components,
    up,
    down,
    rankUp,
    rankDown,
    upBoth,
    downBoth,
    sentences,
  };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface BlockAnalysis {
  code: string;
  name: string;
  units: number;
  average: number | null;
  previousAverage: number | null;
  bands: { name: string; count: number }[];
  top: { code: string; name: string; index: number | null; rank: number | null }[];
  bottom: { code: string; name: string; index: number | null; rank: number | null }[];
  mostImproved: { code: string; name: string; deltaIndex: number | null; deltaRank: number | null }[];
  sentences: string[];
}

/** A block as a whole: average and its change, bands, the top and bottom units, the most improved. */
export function analyseBlock(block: BlockResult, year: number, previousAverage: number | null, bandNames: string[], previousYear: number | null): BlockAnalysis {
  const ranked = block.units.filter((u) => u.ranked && u.rank !== null).sort((a, b) => a.rank! - b.rank!);
  const brief = (u: UnitResult) => ({ code: u.code, name: u.name, index: u.index, rank: u.rank });
  const top = ranked.slice(0, 3).map(brief);
  const bottom = ranked.length > 3 ? ranked.slice(-3).map(brief) : [];
  const mostImproved = ranked
    .filter((u) => u.deltaIndex !== null && roundTo(u.deltaIndex, 2) > 0)
    .sort((a, b) => (b.deltaRank ?? 0) - (a.deltaRank ?? 0) || b.deltaIndex! - a.deltaIndex!)
    .slice(0, 3)
    .map((u) => ({ code: u.code, name: u.name, deltaIndex: u.deltaIndex, deltaRank: u.deltaRank }));
  const bands = bandNames.map((name) => ({ name, count: block.units.filter((u) => u.band === name).length })).filter((b) => b.count > 0);
  const sentences: string[] = [];
  if (block.average !== null) {
    let s = `Năm ${year}, chỉ số bình quân ${block.name.toLowerCase()} đạt ${formatPercent(block.average)}`;
    if (previousAverage !== null && previousYear !== null) s += `, ${describeIndexChange(block.average - previousAverage)} so với năm ${previousYear}`;
    sentences.push(`${s} (${formatNumber(ranked.length)} đơn vị được xếp hạng).`);
  }
  if (bands.length) sentences.push(`Xếp loại: ${bands.map((b) => `${formatNumber(b.count)} đơn vị ${b.name}`).join(', ')}.`);
  if (top.length) sentences.push(`Dẫn đầu: ${top.map((u) => `${u.name} (${formatPercent(u.index)})`).join(', ')}.`);
  if (bottom.length) sentences.push(`Xếp cuối: ${bottom.map((u) => `${u.name} (${formatPercent(u.index)})`).join(', ')}.`);
  if (mostImproved.length) sentences.push(`Tiến bộ nhiều nhất: ${mostImproved.map((u) => `${u.name} (${describeChange(u.deltaIndex, u.deltaRank)})`).join('; ')}.`);
  return { code: block.code, name: block.name, units: ranked.length, average: block.average, previousAverage, bands, top, bottom, mostImproved, sentences };
}
