import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

/** What the server answers to one recipient: null accepts, a code rejects (e.g. 450, 550). */
export type Answer = { code: number; message: string } | null;

export interface SmtpCapture {
  url: string;
  messages: CapturedMail[];
  /** Messages accepted, parsed or not. */
  received(): number;
  /** SMTP connections opened so far. */
  connections(): number;
  /** Decide the answer to each RCPT TO (default: accept). */
  answerRecipient(decide: (address: string) => Answer): void;
  /** Decide the answer after DATA (default: accept). */
  answerData(decide: (recipients: string[]) => Answer): void;
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  close(): Promise<void>;
}

function smtpError(answer: { code: number; message: string }): Error {
  return Object.assign(new Error(answer.message), { responseCode: answer.code });
}

/**
 * A real SMTP server on 127.0.0.1 (random port) that keeps and parses what it receives; with
 * parse: false it only counts (a sink for throughput runs, where parsing would compete for the CPU).
 */
export async function startSmtpCapture(options: { parse?: boolean } = {}): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  let received = 0;
  let connections = 0;
  let recipientAnswer: (address: string) => Answer = () => null;
  let dataAnswer: (recipients: string[]) => Answer = () => null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onRcptTo(address, _session, callback) {
      const answer = recipientAnswer(address.address);
      callback(answer ? smtpError(answer) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const answer = dataAnswer(to);
        if (answer) return callback(smtpError(answer));
        received += 1;
        if (options.parse === false) return callback();
        const raw = Buffer.concat(chunks).toString("utf8");
        void simpleParser(raw).then((parsed) => {
          messages.push({ to, raw, parsed });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    received: () => received,
    connections: () => connections,
    answerRecipient: (decide) => void (recipientAnswer = decide),
    answerData: (decide) => void (dataAnswer = decide),
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
