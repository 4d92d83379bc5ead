// Tiến độ: the year's deadlines and each unit's state.
import type { Handlers } from '../../../shared/contract';
import type { cycleContract } from '../../../shared/cycle/channels';
import type { HandlerContext } from '../context';
import { setDeadlines, yearStatus } from './service';

export function cycleHandlers(context: HandlerContext): Pick<Handlers, keyof typeof cycleContract> {
  return {
    'cycle:status': ({ year }) => yearStatus(context.workspace(), year),
    'cycle:setDeadlines': ({ year, selfDue, appraisalDue, petitionsDue }) =>
      setDeadlines(context.workspace(), year, { selfDue, appraisalDue, petitionsDue }, { actor: context.userName() }),
  };
}
