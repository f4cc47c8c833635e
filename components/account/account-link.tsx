import { cookies } from "next/headers";
import Link from "next/link";
import { cookiePolicy } from "@/lib/auth/cookies";
import { env } from "@/lib/env";

/**
 * The header's way into the account: "Saved searches" with a session cookie, "Sign in" without.
 * Only the cookie's presence is read, no database, so the header costs every page nothing (pages
 * render per request anyway, for their CSP nonce). A cookie whose session has expired shows
 * "Saved searches", whose page then asks to sign in.
 */
export async function AccountLink() {
  const signedIn = (await cookies()).has(cookiePolicy(env().SITE_URL).names.session_token);
  return signedIn ? (
    <Link prefetch={false} href="/account/searches" className="ml-auto text-sm text-slate-700 no-underline hover:underline">
      Saved searches
    </Link>
  ) : (
    <Link prefetch={false} href="/sign-in" className="ml-auto text-sm text-slate-700 no-underline hover:underline">
      Sign in
    </Link>
  );
}
