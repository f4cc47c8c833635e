/** Time as the HTTP client sees it; tests pass a fake one so waits are instant and exact. */
export interface Clock {
  /** Milliseconds since the epoch (Retry-After dates are compared against it). */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
