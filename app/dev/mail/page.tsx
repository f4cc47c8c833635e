import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OutboxMessage } from "@/components/account/outbox-message";
import { devMailEnabled, listOutbox } from "@/lib/alerts/outbox";
import { outboxDir } from "@/lib/alerts/transport";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Development mail", robots: { index: false } };

/** /dev/mail: what the outbox transport wrote, for running without an SMTP server (see lib/alerts/outbox.ts for when it exists). */
export default function DevMailPage() {
  if (!devMailEnabled(env())) notFound();
  const messages = listOutbox(outboxDir());
  return (
    <section aria-labelledby="dev-mail-heading" className="max-w-3xl">
      <h1 id="dev-mail-heading" className="text-2xl font-semibold">
        Development mail
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        No SMTP_URL is set, so mlradar writes its email to {outboxDir()} instead of sending it. Newest first.
      </p>
      {messages.length === 0 ? (
        <p className="mt-4 text-sm">No messages yet.</p>
      ) : (
        <ol className="mt-4 space-y-4">
          {messages.map((message) => (
            <OutboxMessage key={message.file} message={message} />
          ))}
        </ol>
      )}
    </section>
  );
}
