import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** How the server answers one stage for one recipient: accept, reject with a code, or never answer. */
export type SmtpAnswer = "accept" | "hang" | { code: number; message: string };

export interface Received {
  messageId: string;
  to: string[];
  /** Date.now() when the server accepted the message (its 250 follows after delayAcceptMs). */
  at: number;
}

export interface FaultSmtpServer {
  /** "smtp://127.0.0.1:<port>"; the port stays the same across stop() and start(). */
  readonly url: string;
  readonly received: Received[];
  /** RCPT TO, per address; `attempt` counts that address's RCPTs from 1. */
  answerRecipient(decide: (address: string, attempt: number) => SmtpAnswer): void;
  /** After DATA, per message (its first recipient); `attempt` counts that address's DATAs from 1. */
  answerData(decide: (address: string, attempt: number) => SmtpAnswer): void;
  /** Each message's number of copies, by Message-ID. */
  copies(): Map<string, number>;
  /** Answers before 250, ms (keeps messages in flight long enough to be interrupted). */
  delayAcceptMs(ms: number): void;
  /** Stops listening and drops every connection: the port refuses connections until start(). */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

function smtpError(answer: { code: number; message: string }): Error {
  return Object.assign(new Error(answer.message), { responseCode: answer.code });
}

/** An SMTP server on 127.0.0.1 whose answers the test scripts, built on smtp-server. */
export async function startFaultSmtp(): Promise<FaultSmtpServer> {
  const received: Received[] = [];
  const rcptAttempts = new Map<string, number>();
  const dataAttempts = new Map<string, number>();
  let recipientAnswer: (address: string, attempt: number) => SmtpAnswer = () => "accept";
  let dataAnswer: (address: string, attempt: number) => SmtpAnswer = () => "accept";
  let acceptDelayMs = 0;
  let port = 0;
  let server: SMTPServer | undefined;

  const bump = (counts: Map<string, number>, key: string) => {
    const next = (counts.get(key) ?? 0) + 1;
    counts.set(key, next);
    return next;
  };

  function create(): SMTPServer {
    return new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      closeTimeout: 50,
      onRcptTo(address, _session, callback) {
        const answer = recipientAnswer(address.address, bump(rcptAttempts, address.address));
        if (answer === "hang") return;
        callback(answer === "accept" ? undefined : smtpError(answer));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const to = session.envelope.rcptTo.map((recipient) => recipient.address);
          const answer = dataAnswer(to[0] ?? "", bump(dataAttempts, to[0] ?? ""));
          if (answer === "hang") return;
          if (answer !== "accept") return callback(smtpError(answer));
          const head = Buffer.concat(chunks).toString("utf8").split(/\r?\n\r?\n/)[0] ?? "";
          const messageId = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? "(none)";
          // Accepted now (a server that has the whole message delivers it), answered 250 after the delay:
          // a client that dies in between never learns the message went through.
          received.push({ messageId, to, at: Date.now() });
          setTimeout(() => callback(), acceptDelayMs);
        });
      },
    });
  }

  async function start(): Promise<void> {
    server = create();
    await new Promise<void>((resolve, reject) => {
      server!.once("error", reject);
      server!.listen(port, "127.0.0.1", () => resolve());
    });
    // A client killed mid-conversation resets its connection: that is the test, not an error of the server.
    server.on("error", () => undefined);
    port = (server.server.address() as AddressInfo).port;
  }

  async function stop(): Promise<void> {
    const closing = server;
    server = undefined;
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  }

  await start();
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    answerRecipient: (decide) => void (recipientAnswer = decide),
    answerData: (decide) => void (dataAnswer = decide),
    delayAcceptMs: (ms) => void (acceptDelayMs = ms),
    copies() {
      const counts = new Map<string, number>();
      for (const message of received) counts.set(message.messageId, (counts.get(message.messageId) ?? 0) + 1);
      return counts;
    },
    stop,
    start,
    close: stop,
  };
}
