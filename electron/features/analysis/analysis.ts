// The analysis of a year: the province among all provinces (national tables), a block of the
// province's own units, or one unit, as figures and the sentences provincial reports use.
import { analyseBlock, analyseSubject, type BlockAnalysis, type SubjectAnalysis } from '../../../shared/analysis/sentences';
import type { YearResults } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import type { Workspace } from '../../db/workspace';
import { comparisonHistory, yearResults } from '../results/service';
import { getBlockSettings } from '../results/store';
import { requireBlock } from '../workspace/service';
import { requireNationalPosition } from './service';

export interface NationalAnalysis {
  year: number;
  scope: 'national';
  provinces: number;
  par: SubjectAnalysis;
  sipas: SubjectAnalysis | null;
  sentences: string[];
}

export function nationalAnalysis(ws: Workspace, year: number): NationalAnalysis {
  const position = requireNationalPosition(ws, year);
  if (!position.ours) {
    throw new UserError([{ message: `Chưa biết tỉnh nào là tỉnh mình trong bảng năm ${year}; hãy nhập lại bảng với tên tỉnh (tùy chọn "tỉnh của mình") hoặc ghi tên tỉnh trong Cài đặt như trong bảng.` }]);
  }
  const unit = position.par.units.find((u) => u.code === position.ours)!;
  const par = analyseSubject(position.par, unit, { subject: unit.name, component: 'lĩnh vực', year });
  const sipasUnit = position.sipas?.units.find((u) => u.code === position.ours) ?? null;
  const sipas = position.sipas && sipasUnit ? analyseSubject(position.sipas, sipasUnit, { subject: sipasUnit.name, indexName: 'chỉ số SIPAS của', component: 'chỉ số thành phần', year }) : null;
  return { year, scope: 'national', provinces: position.par.units.length, par, sipas, sentences: [...par.sentences, ...(sipas?.sentences ?? [])] };
}

/** The results of a year's block, with its average in the year compared with. */
function blockOf(ws: Workspace, year: number, blockCode: string): { results: YearResults; previousAverage: number | null; previousYear: number | null } {
  const results = yearResults(ws, year);
  const earlier = comparisonHistory(ws, year)
    .filter((h) => h.blocks.some((b) => b.code === blockCode))
    .sort((a, b) => b.year - a.year)[0];
  const previous = earlier?.blocks.find((b) => b.code === blockCode);
  return { results, previousAverage: previous?.average ?? null, previousYear: earlier?.year ?? null };
}

export function blockAnalysis(ws: Workspace, year: number, blockCode: string): BlockAnalysis & { year: number; scope: 'block' } {
  const blockRow = requireBlock(ws, blockCode);
  const { results, previousAverage, previousYear } = blockOf(ws, year, blockCode);
  const block = results.blocks.find((b) => b.code === blockCode);
  if (!block) throw new UserError([{ message: `${blockRow.name} chưa có kết quả năm ${year}.` }]);
  const bands = getBlockSettings(ws, year, blockCode).bands.map((b) => b.name);
  return { year, scope: 'block', ...analyseBlock(block, year, previousAverage, bands, previousYear) };
}

export function unitAnalysis(ws: Workspace, year: number, unitCode: string): SubjectAnalysis & { year: number; scope: 'unit'; blockCode: string } {
  const results = yearResults(ws, year);
  const block = results.blocks.find((b) => b.units.some((u) => u.code === unitCode));
  if (!block) throw new UserError([{ message: `Không có đơn vị mã "${unitCode}" trong kết quả năm ${year}.` }]);
  const unit = block.units.find((u) => u.code === unitCode)!;
  return { year, scope: 'unit', blockCode: block.code, ...analyseSubject(block, unit, { subject: unit.name, component: 'lĩnh vực', year }) };
}
