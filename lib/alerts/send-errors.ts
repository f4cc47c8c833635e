export type SendFailureKind =
  /** 4xx, a dropped connection, a timeout: the same message may go through later. */
  | "temporary"
  /** 5xx for this recipient or this message: never retried, the address is suppressed. */
  | "permanent";

export interface SendFailure {
  kind: SendFailureKind;
  message: string;
}

interface SmtpErrorShape {
  code?: string;
  responseCode?: number;
  command?: string;
  response?: string;
  message?: string;
}

/** Commands whose 5xx answer is about our own set-up (credentials, sender), not the recipient. */
const OWN_SETUP_COMMANDS = /^(AUTH|MAIL FROM|EHLO|HELO|STARTTLS)/i;

/**
 * Classify a failed send. A 5xx is permanent only when it answers the recipient or the message
 * (RCPT TO, DATA): a rejected login or sender is our configuration, and suppressing every
 * recipient for it would be wrong, so those are retried while someone fixes the set-up.
 */
export function classifySendError(error: unknown): SendFailure {
  const shape = (typeof error === "object" && error !== null ? error : {}) as SmtpErrorShape;
  const code = shape.responseCode;
  const message = (shape.response ?? shape.message ?? String(error)).slice(0, 500);
  const permanentCode = code !== undefined && code >= 500 && code < 600 && code !== 503;
  const aboutUs = shape.code === "EAUTH" || OWN_SETUP_COMMANDS.test(shape.command ?? "");
  return { kind: permanentCode && !aboutUs ? "permanent" : "temporary", message };
}
