// Every feature's part of the handler map, combined: one handler per contract channel.
import type { Handlers } from '../../shared/contract';
import { appraisalHandlers } from '../features/appraisal/handlers';
import { compareHandlers } from '../features/compare/handlers';
import type { HandlerContext } from '../features/context';
import { councilHandlers } from '../features/council/handlers';
import { cycleHandlers } from '../features/cycle/handlers';
import { evidenceHandlers } from '../features/evidence/handlers';
import { formsHandlers } from '../features/forms/handlers';
import { frameworkHandlers } from '../features/framework/handlers';
import { overviewHandlers } from '../features/overview/handlers';
import { printHandlers } from '../features/print/handlers';
import { petitionsHandlers } from '../features/petitions/handlers';
import { publicationHandlers } from '../features/publication/handlers';
import { resultsHandlers } from '../features/results/handlers';
import { analysisHandlers } from '../features/analysis/handlers';
import { settingsHandlers } from '../features/settings/handlers';
import { surveyHandlers } from '../features/survey/handlers';
import { unitsHandlers } from '../features/units/handlers';

/** The handlers of every feature channel (the session adds those of the workspace's life). */
export function featureHandlers(context: HandlerContext): Omit<Handlers, 'session:get' | `workspace:${string}`> {
  return {
    ...overviewHandlers(context),
    ...unitsHandlers(context),
    ...frameworkHandlers(context),
    ...appraisalHandlers(context),
    ...resultsHandlers(context),
    ...analysisHandlers(context),
    ...formsHandlers(context),
    ...evidenceHandlers(context),
    ...surveyHandlers(context),
    ...compareHandlers(context),
    ...printHandlers(context),
    ...settingsHandlers(context),
    ...cycleHandlers(context),
    ...councilHandlers(context),
    ...publicationHandlers(context),
    ...petitionsHandlers(context),
  };
}
