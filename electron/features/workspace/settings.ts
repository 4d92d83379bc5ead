// What printed documents say about the workspace itself: the province, and whether it is the demo.
import type { Workspace } from '../../db/workspace';
import { getSetting } from './store';

export const PROVINCE_SETTING = 'province';
export const SAMPLE_SETTING = 'sample';

/** "Tỉnh Mẫu", or null when the workspace does not name its province. */
export function workspaceProvince(ws: Workspace): string | null {
  return getSetting(ws, PROVINCE_SETTING);
}

/** The demo workspace: its documents say "Dữ liệu mẫu". */
export function isSampleWorkspace(ws: Workspace): boolean {
  const v = getSetting(ws, SAMPLE_SETTING);
  return v === '1' || v === 'true';
}
