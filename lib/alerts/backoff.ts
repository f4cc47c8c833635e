const BASE_MS = 60_000;
const CAP_MS = 6 * 3_600_000;
/** About a day of retries (1, 2, 4 … minutes, then every 6 hours) before a delivery is given up. */
export const MAX_ATTEMPTS = 12;

/** Exponential backoff with jitter (half fixed, half random) so a recovering server is not hit in lockstep. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
