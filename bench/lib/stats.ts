export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);
export const p95 = (samples: readonly number[]) => percentile(samples, 95);

/** Time an async function `runs` times (after `warmup` untimed runs); milliseconds per run. */
export async function timeRuns(fn: (run: number) => Promise<void>, runs: number, warmup = 0): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

/**
 * Like timeRuns, for a baseline whose cost ranges from milliseconds to seconds across cases: at
 * least `minRuns`, then more while the runs so far took less than `budgetMs`, up to `maxRuns`.
 */
export async function timeRunsWithin(
  fn: (run: number) => Promise<void>,
  options: { minRuns: number; maxRuns: number; budgetMs: number; warmup?: number },
): Promise<number[]> {
  for (let i = 0; i < (options.warmup ?? 0); i++) await fn(-1 - i);
  const samples: number[] = [];
  let spent = 0;
  while (samples.length < options.minRuns || (samples.length < options.maxRuns && spent < options.budgetMs)) {
    const start = process.hrtime.bigint();
    await fn(samples.length);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    samples.push(ms);
    spent += ms;
  }
  return samples;
}
