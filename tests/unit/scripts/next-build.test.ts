import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildIsStale } from "@/scripts/next-build";

describe("buildIsStale", () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function project(): (file: string, secondsAgo: number) => void {
    root = mkdtempSync(path.join(tmpdir(), "mlradar-build-"));
    const write = (file: string, secondsAgo: number) => {
      const full = path.join(root, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, "x");
      const at = new Date(Date.now() - secondsAgo * 1000);
      utimesSync(full, at, at);
    };
    for (const file of ["package.json", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "proxy.ts", "app/page.tsx", "lib/a.ts"]) write(file, 100);
    write(".next/BUILD_ID", 50);
    return write;
  }

  it("is fresh when the build is newer than every source, and stale once app code or proxy.ts changes", () => {
    const write = project();
    expect(buildIsStale(root)).toBe(false);
    write("proxy.ts", 10);
    expect(buildIsStale(root)).toBe(true);
    write(".next/BUILD_ID", 5);
    write("lib/a.ts", 1);
    expect(buildIsStale(root)).toBe(true);
  });

  it("is stale without a build", () => {
    project();
    rmSync(path.join(root, ".next"), { recursive: true });
    expect(buildIsStale(root)).toBe(true);
  });
});
