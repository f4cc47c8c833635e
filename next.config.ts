import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // PGlite ships WASM and the generated Prisma client reads files at run time: keep them external.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "@prisma/adapter-pg", "pino", "sanitize-html"],
  poweredByHeader: false,
  typedRoutes: false,
  // `npm run typecheck` checks the whole project in CI; the build repeating it doubles a slow step
  // and lets a test file's type error stop `npm start`.
  typescript: { ignoreBuildErrors: true },
  // Every response, static files included; the per-request Content-Security-Policy is set in proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default nextConfig;
