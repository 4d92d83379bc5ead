// A set of workers (browser pages, print windows), each doing one job at a time: a batch keeps
// them all busy, so that two documents are laid out and printed at once on two cores. Workers
// may join after the first jobs were asked for (a page still opening while the first prints).

export interface WorkerPool<W> {
  /** Runs the job on the first free worker, jobs served in the order they were asked for. */
  run<T>(job: (worker: W) => Promise<T>): Promise<T>;
  /** A worker that has become ready. */
  add(worker: W): void;
}

export function workerPool<W>(workers: W[] = []): WorkerPool<W> {
  const idle = [...workers];
  const waiting: ((worker: W) => void)[] = [];
  const release = (worker: W) => {
    const next = waiting.shift();
    if (next) next(worker);
    else idle.push(worker);
  };
  return {
    async run(job) {
      const worker = idle.pop() ?? (await new Promise<W>((resolve) => waiting.push(resolve)));
      try {
        return await job(worker);
      } finally {
        release(worker);
      }
    },
    add: release,
  };
}
