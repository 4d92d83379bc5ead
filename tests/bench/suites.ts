import type { BenchSuite } from './harness';
import { foundationSuite } from './foundation';
import { surveySuite } from './survey';
import { scorecardsSuite } from './scorecards';
import { formsSuite } from './forms';
import { appSuite } from './app';
import { readersSuite } from './readers';
import { roundSuite } from './round';
import { councilSuite } from './council';
import { evidenceSuite } from './evidence';

/** Every benchmark suite, in the order they run; each room adds its own. */
export const suites: BenchSuite[] = [foundationSuite, surveySuite, scorecardsSuite, formsSuite, appSuite, readersSuite, roundSuite, councilSuite, evidenceSuite];
