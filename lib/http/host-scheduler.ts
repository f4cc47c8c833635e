import type { Clock } from "./clock";

interface HostState {
  /** Settles when the last queued request to this host has finished. */
  tail: Promise<void>;
  /** No request to this host starts before this time. */
  notBefore: number;
}

/** At most one request in flight per host, spaced apart; different hosts never wait on each other. */
export class HostScheduler {
  private readonly hosts = new Map<string, HostState>();

  constructor(private readonly clock: Clock) {}

  /** Runs `task` after every earlier task for `host`, at least `spacingMs` after the previous one ended. */
  run<T>(host: string, spacingMs: number, task: () => Promise<T>): Promise<T> {
    const state = this.stateOf(host);
    const result = state.tail.then(async () => {
      await this.waitUntilDue(state);
      try {
        return await task();
      } finally {
        state.notBefore = Math.max(state.notBefore, this.clock.now() + spacingMs);
      }
    });
    state.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Holds every later request to `host` until `at` (a Retry-After or a backoff applies to the whole host). */
  deferUntil(host: string, at: number): void {
    const state = this.stateOf(host);
    state.notBefore = Math.max(state.notBefore, at);
  }

  private stateOf(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { tail: Promise.resolve(), notBefore: 0 };
      this.hosts.set(host, state);
    }
    return state;
  }

  private async waitUntilDue(state: HostState): Promise<void> {
    // Re-checked after each sleep: a deferral may arrive while this request is already waiting.
    for (let wait = state.notBefore - this.clock.now(); wait > 0; wait = state.notBefore - this.clock.now()) {
      await this.clock.sleep(wait);
    }
  }
}
