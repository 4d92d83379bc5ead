// Kiến nghị: the petitions of a year and their decisions.
import type { Handlers } from '../../../shared/contract';
import type { petitionsContract } from '../../../shared/petitions/channels';
import type { HandlerContext } from '../context';
import { decidePetition, petitionViews } from './service';

export function petitionsHandlers(context: HandlerContext): Pick<Handlers, keyof typeof petitionsContract> {
  return {
    'petitions:list': ({ year }) => petitionViews(context.workspace(), year),
    'petitions:decide': ({ year, unitCode, criterionCode, decision, score, reason }) => {
      decidePetition(context.workspace(), { year, unitCode, criterionCode, decision, score, reason }, context.userName());
      return { decided: true as const };
    },
  };
}
