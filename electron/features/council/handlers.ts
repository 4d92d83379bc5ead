// Hội đồng: members and assignments.
import type { Handlers } from '../../../shared/contract';
import { splitCodes } from '../../../shared/cycle/council';
import type { councilContract } from '../../../shared/cycle/council-channels';
import type { HandlerContext } from '../context';
import { assign, importMembers, removeAssignment, saveMember, yearCouncil } from './service';

export function councilHandlers(context: HandlerContext): Pick<Handlers, keyof typeof councilContract> {
  return {
    'council:get': ({ year }) => yearCouncil(context.workspace(), year),
    'council:saveMember': ({ name, organisation }) => saveMember(context.workspace(), { name, organisation }),
    'council:importMembers': async () => {
      const file = await context.pickOne('council-members');
      if (!file) return { cancelled: true };
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
  };
}
