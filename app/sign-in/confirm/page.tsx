import type { Metadata } from "next";
import Link from "next/link";
import { primaryButtonClass } from "@/components/account/form-styles";
import { signInRedeemSchema } from "@/lib/auth/schemas";

export const metadata: Metadata = { title: "Confirm sign-in", robots: { index: false }, referrer: "same-origin" };

/**
 * The emailed link lands here. Opening it changes nothing (mail scanners open links before people
 * do); only the button's POST redeems the token, and its validity is not revealed before that.
 * Referrer-Policy same-origin keeps the token out of other sites' logs; "no-referrer" would make
 * the browser send `Origin: null` with the POST, which the cross-site check refuses.
 */
export default async function ConfirmSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = signInRedeemSchema.safeParse(await searchParams);
  return (
    <section aria-labelledby="confirm-heading" className="max-w-md">
      <h1 id="confirm-heading" className="text-2xl font-semibold">
        Sign in to mlradar
      </h1>
      {params.success ? (
        <form method="post" action="/api/auth/magic-link" className="mt-4">
          <p className="text-sm text-slate-700">Press the button to finish signing in on this device.</p>
          <input type="hidden" name="token" value={params.data.token} />
          <input type="hidden" name="next" value={params.data.next} />
          <button type="submit" className={`mt-3 ${primaryButtonClass}`}>
            Sign in
          </button>
        </form>
      ) : (
        <p className="mt-2 text-sm text-slate-700">
          This sign-in link is not valid. <Link prefetch={false} href="/sign-in">Ask for a new one</Link>.
        </p>
      )}
    </section>
  );
}
