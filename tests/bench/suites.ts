import type { BenchSuite } from './harness';

/** Every benchmark suite, in the order they run; each room adds its own. */
export const suites: BenchSuite[] = [];
