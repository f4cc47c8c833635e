import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { magicLink } from "better-auth/plugins/magic-link";
import { getMailTransport } from "@/lib/alerts/transport";
import { getDb, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { cookiePolicy } from "./cookies";
import { authSecret } from "./secret";
import { sendSignInEmail, signInConfirmUrl } from "./sign-in-email";
import { newSignInToken, SIGN_IN_LINK_MINUTES } from "./sign-in-token";
import { DEFAULT_NEXT } from "./schemas";

function createAuth(db: Db) {
  const siteUrl = env().SITE_URL;
  const cookies = cookiePolicy(siteUrl);
  return betterAuth({
    appName: "mlradar",
    baseURL: siteUrl,
    basePath: "/api/auth",
    secret: authSecret(),
    database: prismaAdapter(db, { provider: "postgresql" }),
    emailAndPassword: { enabled: false },
    user: { additionalFields: { timeZone: { type: "string", required: false, defaultValue: "UTC", input: false } } },
    session: { expiresIn: 30 * 24 * 3600, updateAge: 24 * 3600 },
    // Issuing is limited by our own database-backed limits (lib/auth/sign-in.ts); Better Auth's HTTP handler is not mounted.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      useSecureCookies: false,
      cookies: Object.fromEntries(Object.entries(cookies.names).map(([key, name]) => [key, { name }])),
      defaultCookieAttributes: { secure: cookies.secure, httpOnly: true, sameSite: "lax", path: "/" },
    },
    plugins: [
      magicLink({
        expiresIn: SIGN_IN_LINK_MINUTES * 60,
        storeToken: "hashed",
        generateToken: newSignInToken,
        async sendMagicLink({ email, token, metadata }) {
          const next = typeof metadata?.next === "string" ? metadata.next : DEFAULT_NEXT;
          await sendSignInEmail(getMailTransport(), email, signInConfirmUrl(token, next, siteUrl));
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { mlradarAuth?: { db: Db; auth: Auth } };

/** The Better Auth instance over the shared Prisma client (recreated when tests switch databases). */
export function getAuth(): Auth {
  const db = getDb();
  if (globalForAuth.mlradarAuth?.db !== db) globalForAuth.mlradarAuth = { db, auth: createAuth(db) };
  return globalForAuth.mlradarAuth.auth;
}
