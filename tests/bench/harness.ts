// npm run bench: each suite measures real work on real files and reports figures.
export interface BenchReport {
  /** one measured figure: what, how long, and any detail (sizes, rates) */
  figure(name: string, ms: number, detail?: string): void;
}

export interface BenchSuite {
  name: string;
  run(report: BenchReport): Promise<void>;
}

/** Milliseconds taken by `fn`, with its result. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}
