import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and the generated Prisma client reads files at run time: keep them external.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "@prisma/adapter-pg", "pino", "sanitize-html"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
