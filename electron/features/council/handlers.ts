// Hội đồng: members and assignments.
import type { Handlers } from '../../../shared/contract';
import { splitCodes } from '../../../shared/cycle/council';
import type { councilContract } from '../../../shared/cycle/council-channels';
import type { HandlerContext } from '../context';
import path from 'node:path';
import { listUnits } from '../units/store';
import { assign, removeAssignment, saveMember, yearCouncil } from './service';
import { listConflicts, listPackages } from './store';

export function councilHandlers(context: HandlerContext): Pick<Handlers, keyof typeof councilContract> {
  return {
    'council:get': ({ year }) => yearCouncil(context.workspace(), year),
    'council:saveMember': ({ name, organisation }) => saveMember(context.workspace(), { name, organisation }),
    'council:importMembers': async () => {
      const file = await context.pickOne('council-members');
      if (!file) return { cancelled: true };
      const { importMembers } = await import('./members-import');
      return { cancelled: false, value: await importMembers(context.workspace(), file) };
    },
    'council:assign': ({ year, blockCode, member, criteria, units }) => {
      const codes = splitCodes(units);
      const r = assign(context.workspace(), {
        year,
        blockCode,
        member,
        criteria: splitCodes(criteria),
        units: codes.length ? codes : null,
        actor: context.userName(),
      });
      return { uncovered: r.uncovered };
    },
    'council:unassign': ({ id }) => {
      removeAssignment(context.workspace(), id);
      return { removed: true };
    },
    'council:writePackages': async ({ year }) => {
      const folder = await context.pickOne('council-packages-folder');
      if (!folder) return { cancelled: true };
      const { writePackages } = await import('./packages');
      const written = await writePackages(context.workspace(), year, folder, { actor: context.userName() });
      return {
        cancelled: false,
        value: { folder, packages: written.map((p) => ({ memberName: p.memberName, file: path.basename(p.file), rows: p.rows, units: p.units })) },
      };
    },
    'council:importPackages': async ({ year, preferPackage }) => {
      const files = await context.pickMany('council-returned');
      if (!files) return { cancelled: true };
      const { importPackages } = await import('./package-import');
      return { cancelled: false, value: await importPackages(context.workspace(), files, { expectedYear: year, preferPackage, actor: context.userName() }) };
    },
    'council:packages': ({ year }) => {
      const ws = context.workspace();
      const names = new Map(listUnits(ws).map((u) => [u.code, u.name]));
      return {
        packages: listPackages(ws, year),
        conflicts: listConflicts(ws, year, { open: true }).map((c) => ({
          id: c.id,
          memberName: c.memberName,
          unitCode: c.unitCode,
          unitName: names.get(c.unitCode) ?? c.unitCode,
          criterionCode: c.criterionCode,
          packageValue: c.packageValue,
          packageRemark: c.packageRemark,
          issuedValue: c.issuedValue,
          currentValue: c.currentValue,
          changedBy: c.changedBy,
          changedAt: c.changedAt,
        })),
      };
    },
    'council:resolveConflict': async ({ year, id, resolution }) => {
      const { resolveConflict } = await import('./package-import');
      resolveConflict(context.workspace(), year, id, resolution, context.userName());
      return { resolved: true };
    },
  };
}
