// The province's national position: a year's national table ranked and compared with the
// table of the latest earlier year, and which province is ours.
import { NATIONAL_BLOCK, nationalWithHistory, nationalYear, provinceKey, SIPAS_BLOCK } from '../../../shared/analysis/national';
import type { BlockResult, YearResults } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import type { Workspace } from '../../db/workspace';
import { getSetting } from '../workspace/store';
import { nationalLineageMap } from './lineage';
import { nationalRows, nationalTableMeta, nationalYears, OURS_SETTING } from './store';

export interface NationalPosition {
  year: number;
  results: YearResults;
  par: BlockResult;
  sipas: BlockResult | null;
  /** our province's key, when the table has it */
  ours: string | null;
  fileName: string;
}

/** Our province's name: as set by the last import, else the workspace's province. */
export function ourProvinceName(ws: Workspace): string | null {
  return getSetting(ws, OURS_SETTING) ?? getSetting(ws, 'province');
}

/** The national table of `year` with ranks and the change since the latest earlier table; null without one. */
export function nationalPosition(ws: Workspace, year: number): NationalPosition | null {
  const meta = nationalTableMeta(ws, year);
  if (!meta) return null;
  const earlier = nationalYears(ws).filter((y) => y < year).pop();
  const history = earlier === undefined ? [] : [nationalYear(earlier, nationalRows(ws, earlier))];
  const results = nationalWithHistory(nationalYear(year, nationalRows(ws, year)), history, nationalLineageMap(ws, year));
  const par = results.blocks.find((b) => b.code === NATIONAL_BLOCK)!;
  const name = ourProvinceName(ws);
  const key = name ? provinceKey(name) : null;
  return {
    year,
    results,
    par,
    sipas: results.blocks.find((b) => b.code === SIPAS_BLOCK) ?? null,
    ours: key && par.units.some((u) => u.code === key) ? key : null,
    fileName: meta.fileName,
  };
}

export function requireNationalPosition(ws: Workspace, year: number): NationalPosition {
  const position = nationalPosition(ws, year);
  if (!position) throw new UserError([{ message: `Chưa có bảng kết quả các tỉnh, thành phố năm ${year}; hãy nhập bảng do Bộ Nội vụ công bố trước.` }]);
  return position;
}
