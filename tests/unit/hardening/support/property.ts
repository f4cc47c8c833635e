import fc from "fast-check";

/**
 * No single input may take longer than this (parse, normalize, sanitize...), in CPU time of this
 * process: wall time on a shared two-core CI machine measures the neighbours as much as the code.
 */
export const INPUT_BUDGET_MS = 1_000;

/** CPU milliseconds this process has used so far. */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1_000;
}

export interface PropertyOptions {
  /** Fixed per property so a failure reproduces on every machine. */
  seed: number;
  numRuns: number;
}

/**
 * fc.assert with a fixed seed; on failure the message starts with the seed and path to replay
 * (`fc.assert(property, { seed, path })`), followed by fast-check's shrunk counterexample.
 */
export function assertProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  property: fc.IProperty<Ts>,
  { seed, numRuns }: PropertyOptions,
): void {
  const details = fc.check(property, { seed, numRuns, endOnFailure: false });
  if (!details.failed) return;
  const reason = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const example = fc.stringify(details.counterexample).slice(0, 2_000);
  throw new Error(
    `${name}: failed with seed ${seed} (replay: { seed: ${seed}, path: "${details.counterexamplePath}" }) after ${details.numRuns} runs\n` +
      `counterexample: ${example}\nreason: ${reason}`,
  );
}

/** Runs fn, failing when it takes longer than the per-input budget. */
export function withinBudget<T>(what: string, fn: () => T): T {
  const started = cpuMs();
  const result = fn();
  const elapsed = cpuMs() - started;
  if (elapsed > INPUT_BUDGET_MS) throw new Error(`${what} took ${Math.round(elapsed)} ms of CPU (budget ${INPUT_BUDGET_MS} ms)`);
  return result;
}

/** Async variant of withinBudget. */
export async function withinBudgetAsync<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const started = cpuMs();
  const result = await fn();
  const elapsed = cpuMs() - started;
  if (elapsed > INPUT_BUDGET_MS) throw new Error(`${what} took ${Math.round(elapsed)} ms of CPU (budget ${INPUT_BUDGET_MS} ms)`);
  return result;
}
