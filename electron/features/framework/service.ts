// Frameworks as the screens and imports change them: saved whole, cloned between years,
// refused with a reason when a change would lose scores.
import type { Framework } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import { leafCodes } from '../../../shared/framework/tree';
import type { Workspace } from '../../db/workspace';
import { getBlockSettings, writeBlockSettings } from '../results/store';
import { ensureBlock, ensurePeriod } from '../workspace/service';
import { frameworkId, getFramework, listFrameworks, scoredCriteria, writeFramework } from './store';

export function requireFramework(ws: Workspace, year: number, blockCode: string): Framework {
  const f = getFramework(ws, year, blockCode);
  if (!f) throw new UserError(`Chưa có bộ chỉ số năm ${year} cho khối "${blockCode}".`);
  return f;
}

/**
 * Sets the framework of a year and block (the year is created if new). Nodes keep their
 * scores by code; a leaf that disappears while it holds scores is refused unless
 * `dropScores` is set.
 */
export function saveFramework(ws: Workspace, framework: Framework, options: { dropScores?: boolean } = {}): void {
  ws.changedYear(framework.year);
  ws.transaction(() => {
    ensurePeriod(ws, framework.year);
    ensureBlock(ws, framework.blockCode);
    const id = frameworkId(ws, framework.year, framework.blockCode);
    if (id !== null && !options.dropScores) {
      const newLeaves = leafCodes(framework.nodes);
      const lost = scoredCriteria(ws, id).filter((c) => !newLeaves.has(c));
      if (lost.length) {
        throw new UserError(
          `Các tiêu chí ${lost.join(', ')} đã có điểm nhưng không còn là tiêu chí được chấm trong bộ chỉ số mới; ` +
            'hãy giữ lại các tiêu chí này hoặc xóa điểm của chúng trước.',
        );
      }
    }
    writeFramework(ws, framework);
  });
}

/**
 * Copies the frameworks of `fromYear` into `toYear`, with their classification bands: one
 * block (refused when `toYear` has its framework already), or by default every block that
 * `toYear` does not have yet. Returns the frameworks copied.
 */
export function cloneFramework(ws: Workspace, fromYear: number, toYear: number, blockCode?: string): Framework[] {
  return ws.transaction(() => {
    const sources = listFrameworks(ws, fromYear).filter((f) => !blockCode || f.blockCode === blockCode);
    if (sources.length === 0) {
      throw new UserError(
        blockCode
          ? `Năm ${fromYear} chưa có bộ chỉ số cho khối "${blockCode}" để sao chép.`
          : `Năm ${fromYear} chưa có bộ chỉ số nào để sao chép.`,
      );
    }
    const missing = sources.filter((s) => !getFramework(ws, toYear, s.blockCode));
    if (missing.length === 0) {
      throw new UserError(
        blockCode
          ? `Năm ${toYear} đã có bộ chỉ số cho khối "${blockCode}"; không sao chép đè.`
          : `Năm ${toYear} đã có bộ chỉ số cho mọi khối của năm ${fromYear}; không sao chép đè.`,
      );
    }
    const cloned: Framework[] = [];
    for (const s of missing) {
      const fw = { ...getFramework(ws, fromYear, s.blockCode)!, year: toYear };
      saveFramework(ws, fw);
      writeBlockSettings(ws, { ...getBlockSettings(ws, fromYear, s.blockCode), year: toYear });
      cloned.push(fw);
    }
    return cloned;
  });
}
