import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** Extended-protocol messages that only take effect at the Sync ending their group: Parse, Bind, Describe, Execute, Close. */
const EXTENDED = new Set(["P", "B", "D", "E", "C"].map((letter) => letter.charCodeAt(0)));

type Enqueue = (handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void) => Promise<number>;

/**
 * All connections share PGlite's one session, and pglite-socket queues their messages one by one: a
 * Parse from one connection followed by another connection's statements loses its unnamed statement
 * ("unnamed prepared statement does not exist", or another query's rows). Holding each connection's
 * extended-protocol messages until its Sync (or Flush) and queueing them as one group keeps a query whole.
 */
export function keepQueriesWhole(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue?: { enqueue?: Enqueue; clearQueueForHandler?: (handlerId: number) => void } }).queryQueue;
  if (typeof queue?.enqueue !== "function" || typeof queue.clearQueueForHandler !== "function") {
    throw new Error("pglite-socket changed: PGLiteSocketServer.queryQueue.enqueue is gone (see lib/database/pglite-message-groups.ts)");
  }
  const enqueue = queue.enqueue.bind(queue);
  const held = new Map<number, Uint8Array[]>();
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    held.delete(handlerId);
    clear(handlerId);
  };
  queue.enqueue = (handlerId, message, onData) => {
    const messages = held.get(handlerId) ?? [];
    if (EXTENDED.has(message[0]!)) {
      messages.push(message);
      held.set(handlerId, messages);
      return Promise.resolve(0);
    }
    if (!messages.length) return enqueue(handlerId, message, onData);
    held.delete(handlerId);
    const group = new Uint8Array(messages.reduce((length, m) => length + m.length, message.length));
    let offset = 0;
    for (const part of [...messages, message]) {
      group.set(part, offset);
      offset += part.length;
    }
    return enqueue(handlerId, group, onData);
  };
}
