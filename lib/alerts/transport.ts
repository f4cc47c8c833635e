import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { env } from "@/lib/env";

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** With angle brackets: "<alert-…@host>". Stable ids make a resend after a crash recognisable. */
  messageId?: string;
  /** Written exactly as given, on one line (nodemailer would fold and encode them otherwise). */
  headers?: Record<string, string>;
}

export interface MailTransport {
  readonly kind: "smtp" | "outbox";
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

type Transporter = ReturnType<typeof nodemailer.createTransport>;

/**
 * The HTML part goes base64 over SMTP: React Email's inline styles are full of "=", which
 * quoted-printable spells "=3D", so base64 is smaller, and Node encodes it natively where
 * nodemailer's quoted-printable encoder is JavaScript (about half of building a message's MIME).
 * The outbox files keep quoted-printable, which people can read.
 */
function message(from: string, mail: OutgoingMail, htmlEncoding?: "base64") {
  const html: Mail.Attachment = { content: mail.html, contentTransferEncoding: htmlEncoding };
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    html: htmlEncoding ? html : mail.html,
    text: mail.text,
    messageId: mail.messageId,
    headers: Object.fromEntries(Object.entries(mail.headers ?? {}).map(([key, value]) => [key, { prepared: true, value }])),
  };
}

export interface SmtpOptions {
  /** Connections kept open and reused (nodemailer's pool). */
  maxConnections?: number;
  /** Seconds before a silent server counts as a temporary failure. */
  timeoutSeconds?: number;
}

/** nodemailer over SMTP with a connection pool; every failure surfaces as the send's rejection. */
export function createSmtpTransport(url: string, from: string, options: SmtpOptions = {}): MailTransport {
  const timeout = (options.timeoutSeconds ?? 30) * 1000;
  const transporter: Transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: 100,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    kind: "smtp",
    async send(mail) {
      await transporter.sendMail(message(from, mail, "base64"));
    },
    close: () => transporter.close(),
  };
}

export interface OutboxEntry {
  file: string;
  to: string;
  subject: string;
  date: string;
  text: string;
}

/** The embedded default without SMTP: each message is written to dir as <time>-<n>.eml plus a .json summary for /dev/mail. */
export function createOutboxTransport(dir: string, from: string): MailTransport {
  const transporter: Transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  let sequence = 0;
  return {
    kind: "outbox",
    async send(mail) {
      const info = await transporter.sendMail(message(from, mail));
      mkdirSync(dir, { recursive: true });
      const base = `${Date.now()}-${process.pid}-${sequence++}`;
      writeFileSync(path.join(dir, `${base}.eml`), info.message as Buffer);
      const summary: OutboxEntry = { file: `${base}.eml`, to: mail.to, subject: mail.subject, date: new Date().toISOString(), text: mail.text };
      writeFileSync(path.join(dir, `${base}.json`), JSON.stringify(summary));
    },
    close: () => transporter.close(),
  };
}

export function outboxDir(): string {
  return path.resolve(env().DATA_DIR, "outbox");
}

const globalForMail = globalThis as unknown as { mlradarMail?: { key: string; transport: MailTransport } };

/** The process's transport: SMTP_URL when set, else the outbox under DATA_DIR. Reused so the SMTP pool is shared. */
export function getMailTransport(): MailTransport {
  const config = env();
  const key = `${config.SMTP_URL ?? "outbox"}|${config.EMAIL_FROM}|${config.DATA_DIR}`;
  if (globalForMail.mlradarMail?.key !== key) {
    globalForMail.mlradarMail?.transport.close();
    const transport = config.SMTP_URL
      ? createSmtpTransport(config.SMTP_URL, config.EMAIL_FROM)
      : createOutboxTransport(outboxDir(), config.EMAIL_FROM);
    globalForMail.mlradarMail = { key, transport };
  }
  return globalForMail.mlradarMail.transport;
}
