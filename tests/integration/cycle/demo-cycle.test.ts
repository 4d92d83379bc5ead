// The demo workspace shows the cycle at first start: deadlines, a council of four with its
// assignments for 2025 (some commune leaves left to the Sở's staff), earlier years published.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/db/workspace';
import { yearCouncil } from '../../../electron/features/council/service';
import { yearStatus } from '../../../electron/features/cycle/service';
import { createDemoWorkspace } from '../../../electron/features/demo';
import { petitionViews } from '../../../electron/features/petitions/service';
import { tempDir } from '../../helpers/tmp';

describe('the demo cycle', () => {
  it('has deadlines, a council of four with assignments for 2025, and the decisions of 2023 and 2024', () => {
    const file = path.join(tempDir(), 'demo.parws');
    createDemoWorkspace(file);
    const ws = Workspace.open(file);
    try {
      const council = yearCouncil(ws, 2025);
      expect(council.members.map((m) => m.organisation)).toEqual(['Sở Tư pháp', 'Sở Tài chính', 'Sở Khoa học và Công nghệ', 'Sở Nội vụ']);
      const [so, xa] = council.blocks;
      expect(so.assignments).toHaveLength(4);
      expect(xa.assignments.find((a) => a.memberName === 'Phạm Thị Hoa')!.units).toHaveLength(33);
      // the other half of the communes' fields I, III–V and field VIII's appraised leaves are the Sở's own
      expect(xa.uncovered.length).toBeGreaterThan(0);
      expect(xa.uncovered.some((u) => u.units.length === 32)).toBe(true);
      const status = yearStatus(ws, 2025);
      expect(status.deadlines).toEqual({ year: 2025, selfDue: '2025-11-15', appraisalDue: '2025-12-05', petitionsDue: '2025-12-20' });
      expect(yearStatus(ws, 2024).published).toEqual({ decision: '287/QĐ-UBND', decisionDate: '2025-02-10', forced: false });
      expect(yearStatus(ws, 2024).units.every((u) => u.state === 'published')).toBe(true);
      expect(status.units.some((u) => u.state === 'appraising')).toBe(true);
      // a few petitions wait on the Kiến nghị screen, each against a leaf where points were lost, one late
      const petitions = petitionViews(ws, 2025);
      expect(petitions.length).toBe(5);
      expect(petitions.every((p) => p.decision === null && p.appraisedScore! < p.selfScore!)).toBe(true);
      expect(petitions.filter((p) => p.late).length).toBe(2);
      expect(status.units.filter((u) => u.state === 'petitioned')).toHaveLength(3);
    } finally {
      ws.close();
    }
  });
});
