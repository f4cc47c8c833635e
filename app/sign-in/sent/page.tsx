import type { Metadata } from "next";
import Link from "next/link";
import { devMailEnabled } from "@/lib/alerts/outbox";
import { SIGN_IN_LINK_MINUTES } from "@/lib/auth/sign-in-token";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

/** After asking for a link: the same page whether or not the address has an account. */
export default function SignInSentPage() {
  return (
    <section aria-labelledby="sent-heading" className="max-w-md">
      <h1 id="sent-heading" className="text-2xl font-semibold">
        Check your email
      </h1>
      <p className="mt-2 text-sm text-slate-700">
        If the address is valid, a sign-in link is on its way. It works once, for {SIGN_IN_LINK_MINUTES} minutes.
      </p>
      {devMailEnabled(env()) && (
        <p className="mt-4 rounded border border-slate-300 bg-white px-3 py-2 text-sm">
          No SMTP server is configured, so the email was written to the outbox: read it at <Link prefetch={false} href="/dev/mail">/dev/mail</Link>.
        </p>
      )}
    </section>
  );
}
