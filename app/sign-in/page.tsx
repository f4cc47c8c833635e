import type { Metadata } from "next";
import { z } from "zod";
import { inputClass, primaryButtonClass } from "@/components/account/form-styles";
import { nextPathSchema } from "@/lib/auth/schemas";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

const paramsSchema = z.object({
  next: nextPathSchema.optional(),
  error: z.enum(["email", "rate-limited", "link"]).optional().catch(undefined),
});

const ERRORS = {
  email: "Enter a valid email address.",
  "rate-limited": "Too many sign-in links were asked for from this address or network. Try again in an hour.",
  link: "This sign-in link is not valid: it may have expired (links last 10 minutes) or been used already. Ask for a new one.",
} as const;

/** /sign-in: ask for an emailed sign-in link. No passwords. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = paramsSchema.safeParse(await searchParams);
  const next = params.data?.next;
  const error = params.data?.error;
  return (
    <section aria-labelledby="sign-in-heading" className="max-w-md">
      <h1 id="sign-in-heading" className="text-2xl font-semibold">
        Sign in
      </h1>
      <p className="mt-2 text-sm text-slate-700">
        We email you a link that signs you in; there is no password. Signing in also confirms the address your job alerts go to.
      </p>
      {error && (
        <p role="alert" className="mt-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {ERRORS[error]}
        </p>
      )}
      <form method="post" action="/api/auth/sign-in" className="mt-4 flex flex-col gap-3">
        <label htmlFor="email" className="text-sm font-semibold">
          Email address
        </label>
        <input id="email" name="email" type="email" required autoComplete="email" className={inputClass} />
        {next && <input type="hidden" name="next" value={next} />}
        <button type="submit" className={primaryButtonClass}>
          Email me a sign-in link
        </button>
      </form>
    </section>
  );
}
