// A fixed set of workers (browser pages, print windows), each doing one job at a time: a batch
// keeps them all busy, so that two documents are laid out and printed at once on two cores.

/** Runs each job on the first free worker, in the order the jobs were asked for. */
export function workerPool<W>(workers: W[]): <T>(job: (worker: W) => Promise<T>) => Promise<T> {
  const idle = [...workers];
  const waiting: ((worker: W) => void)[] = [];
  return async (job) => {
    const worker = idle.pop() ?? (await new Promise<W>((resolve) => waiting.push(resolve)));
    try {
      return await job(worker);
    } finally {
      const next = waiting.shift();
      if (next) next(worker);
      else idle.push(worker);
    }
  };
}
