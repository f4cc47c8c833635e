import { defineConfig } from "prisma/config";

// The URL is only read by Prisma's own migrate/studio commands; the app uses lib/db.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mlradar" },
});
