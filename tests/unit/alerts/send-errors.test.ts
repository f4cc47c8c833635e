import { describe, expect, it } from "vitest";
import { classifySendError } from "@/lib/alerts/send-errors";

describe("classifySendError", () => {
  it("treats 4xx, dropped connections and timeouts as temporary", () => {
    expect(classifySendError({ responseCode: 450, command: "RCPT TO", response: "450 mailbox busy" }).kind).toBe("temporary");
    expect(classifySendError({ responseCode: 421, command: "CONN" }).kind).toBe("temporary");
    expect(classifySendError({ code: "ECONNECTION", message: "Connection closed" }).kind).toBe("temporary");
    expect(classifySendError(new Error("socket hang up")).kind).toBe("temporary");
  });

  it("treats a 5xx for the recipient or the message as permanent", () => {
    expect(classifySendError({ code: "EENVELOPE", responseCode: 550, command: "RCPT TO", response: "550 no such user" })).toEqual({
      kind: "permanent",
      message: "550 no such user",
    });
    expect(classifySendError({ code: "EMESSAGE", responseCode: 554, command: "DATA" }).kind).toBe("permanent");
  });

  it("does not blame the recipient for our own login or sender being refused", () => {
    expect(classifySendError({ code: "EAUTH", responseCode: 535, command: "AUTH PLAIN" }).kind).toBe("temporary");
    expect(classifySendError({ code: "EENVELOPE", responseCode: 550, command: "MAIL FROM" }).kind).toBe("temporary");
    expect(classifySendError({ responseCode: 503, command: "RCPT TO" }).kind).toBe("temporary");
  });
});
