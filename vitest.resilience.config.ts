import { defineConfig } from "vitest/config";
import base from "./vitest.config";

/**
 * `npm run test:resilience`: fault injection (tests/resilience). One file at a time: the scenarios
 * measure throughput, kill processes and may restart the PostgreSQL server, which must not cut
 * another file's connections.
 */
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ["tests/resilience/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
