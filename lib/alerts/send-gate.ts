/**
 * Runs one section at a time, in the order they asked (a FIFO mutex). Eight lines rather than a
 * dependency: nothing here needs timeouts, cancellation or counts above one.
 */
export function createExclusiveGate(): <T>(section: () => Promise<T>) => Promise<T> {
  let tail: Promise<void> = Promise.resolve();
  return async (section) => {
    const previous = tail;
    let release!: () => void;
    tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await section();
    } finally {
      release();
    }
  };
}

/**
 * This process's gate around "hand a message to the SMTP server → commit that it was sent". A
 * SIGKILL can only cut the one message inside it, so a kill resends at most one copy, however many
 * deliverDue calls this process runs at once (graphile-worker may run a second deliver-alerts job
 * while the first is still sending). Other processes have their own gate: each sends one message
 * at a time, and a kill stops one process.
 */
export const sendAndRecord = createExclusiveGate();
