// The demo's appraisal cycle: the deadlines of the open year, a council of four members from
// the departments that usually sit on it, with the communes' share of the Sở Nội vụ member
// split so that some leaves are left to the Sở's own staff, the decisions that published the
// earlier years, and a few petitions waiting for the council (./petitions.ts).
import type { Workspace } from '../../db/workspace';
import { assign, saveMember } from '../council/service';
import { setDeadlines } from '../cycle/service';
import { logPublication, writePublication } from '../publication/store';
import { unitsTakingPart } from '../participation/service';
import { DEMO_LABEL, DEMO_OPEN_YEAR } from './constants';
import { writeDemoPetitions } from './petitions';

const MEMBERS = [
  { name: 'Trần Văn Hùng', organisation: 'Sở Tư pháp', criteria: ['II'] },
  { name: 'Nguyễn Thị Lan', organisation: 'Sở Tài chính', criteria: ['VI'] },
  { name: 'Lê Minh Tuấn', organisation: 'Sở Khoa học và Công nghệ', criteria: ['VII'] },
  { name: 'Phạm Thị Hoa', organisation: 'Sở Nội vụ', criteria: ['I', 'III', 'IV', 'V'] },
];

/** Decisions that published the demo's closed years: number and date. */
const DECISIONS: Record<number, [string, string]> = {
  2023: ['312/QĐ-UBND', '2024-02-06'],
  2024: ['287/QĐ-UBND', '2025-02-10'],
};

export function writeDemoCycle(ws: Workspace): void {
  const year = DEMO_OPEN_YEAR;
  setDeadlines(ws, year, { selfDue: `${year}-11-15`, appraisalDue: `${year}-12-05`, petitionsDue: `${year}-12-20` }, { actor: DEMO_LABEL });
  for (const m of MEMBERS) saveMember(ws, { name: m.name, organisation: m.organisation });
  const communes = unitsTakingPart(ws, year, 'xa').map((u) => u.code);
  for (const m of MEMBERS) {
    assign(ws, { year, blockCode: 'so', member: m.name, criteria: m.criteria, actor: DEMO_LABEL });
    // the Sở Nội vụ member takes half the communes; the Sở's staff appraise the rest in the app
    const units = m.organisation === 'Sở Nội vụ' ? communes.slice(0, Math.ceil(communes.length / 2)) : null;
    assign(ws, { year, blockCode: 'xa', member: m.name, criteria: m.criteria, units, actor: DEMO_LABEL });
  }
  for (const [y, [decision, decisionDate]] of Object.entries(DECISIONS)) {
    const at = `${decisionDate}T03:00:00.000Z`;
    writePublication(ws, { year: Number(y), decision, decisionDate, forced: false, at, actor: DEMO_LABEL });
    logPublication(ws, { year: Number(y), action: 'publish', decision, decisionDate, forced: false, reason: null, at, actor: DEMO_LABEL });
  }
  writeDemoPetitions(ws);
}
