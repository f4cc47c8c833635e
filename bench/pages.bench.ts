/**
 * `npm run bench -- pages [--runs 3]`: what a visitor's browser gets from the built site with the
 * demo data. Page weight: the gzipped JavaScript each page type ships (every <script src> a
 * modern browser loads, as `next start` would send it compressed), and what it ships beyond the
 * framework's floor (the 404 page's scripts). `<script nomodule>` (Next's legacy polyfills, 38.7 KB
 * gz) is left out: browsers that run ES modules neither fetch nor run it (the Lighthouse runs'
 * network logs never list it), so it weighs nothing for the visitors the goal is about. Lighthouse 12 (mobile preset: simulated slow 4G and a
 * 4x slower CPU) in Debian's Chromium: performance and accessibility scores and the layout shift,
 * medians over runs, on the listing, a filtered listing and a posting page. The sign-in page (the
 * same framework JavaScript around one small form) is scored too, as the floor this machine allows
 * any page, with Lighthouse's benchmarkIndex of the host: what of a shortfall is the page's own.
 */
import { loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import { load } from "cheerio/slim";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { getDb } from "@/lib/db";
import { postingPath } from "@/lib/format";
import { loadDemoDataIfEmpty } from "@/scrapers/demo";
import { buildIfStale } from "@/scripts/next-build";
import { createTestDatabase } from "@/tests/helpers/database-factory";
import { startNextServer } from "./lib/next-server";
import type { Figure } from "./lib/report";
import { median } from "./lib/stats";

const GOALS = { jsKb: 160, ownJsKb: 25, performance: 95, accessibility: 100, layoutShift: 0.01 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const log = (line: string) => console.error(line);

function parseRuns(args: string[]): number {
  if (args.length === 0) return 3;
  const n = Number(args[1]);
  if (args[0] !== "--runs" || args.length !== 2 || !Number.isInteger(n) || n < 1 || n > 10) throw new Error("usage: npm run bench -- pages [--runs N (1-10)]");
  return n;
}

interface ScriptWeight {
  /** Gzipped bytes per external script the page loads (what the browser downloads and parses). */
  scripts: Map<string, number>;
  gzipBytes: number;
  /** `<script nomodule src>`: only browsers without ES modules load these; not in gzipBytes. */
  noModuleGzipBytes: number;
  /** React's server-component payload for hydration, inline in the HTML. */
  inlineGzipBytes: number;
}

async function scriptWeight(origin: string, path: string): Promise<ScriptWeight> {
  const html = await (await fetch(origin + path)).text();
  const $ = load(html);
  const gzipped = async (src: string) => {
    const response = await fetch(new URL(src, origin));
    if (!response.ok) throw new Error(`${src} answered ${response.status}`);
    return gzipSync(Buffer.from(await response.arrayBuffer())).length;
  };
  const srcs = (selector: string) => new Set($(selector).map((_, el) => $(el).attr("src")!).get());
  const scripts = new Map<string, number>();
  for (const src of srcs("script[src]:not([nomodule])")) scripts.set(src, await gzipped(src));
  let noModuleGzipBytes = 0;
  for (const src of srcs("script[src][nomodule]")) noModuleGzipBytes += await gzipped(src);
  const inline = $("script:not([src])").map((_, el) => $(el).text()).get().join("\n");
  const gzipBytes = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
  return { scripts, gzipBytes, noModuleGzipBytes, inlineGzipBytes: gzipSync(Buffer.from(inline)).length };
}

interface LighthouseScores {
  performance: number;
  accessibility: number;
  layoutShift: number;
  largestPaintMs: number;
  /** The metrics the performance score weighs, besides layout shift: which one loses the points. */
  firstPaintMs: number;
  blockingMs: number;
  speedIndexMs: number;
  /** Lighthouse's measure of the host's CPU: its 4x slowdown assumes 1500-2000, and below 1000 it warns. */
  benchmarkIndex: number;
}

async function lighthouseRun(port: number, url: string, attempt = 1): Promise<LighthouseScores> {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) {
    // A trace Chromium failed to record (NO_NAVSTART, NO_FCP on a busy machine) says nothing about
    // the page; Lighthouse's own advice is to run again. Twice more at most, then it is the page.
    if (attempt < 3) {
      log(`lighthouse ${lhr.runtimeError.code} on ${url}: running again`);
      return lighthouseRun(port, url, attempt + 1);
    }
    throw new Error(`lighthouse: ${lhr.runtimeError.message}`);
  }
  return {
    performance: (lhr.categories.performance?.score ?? 0) * 100,
    accessibility: (lhr.categories.accessibility?.score ?? 0) * 100,
    layoutShift: lhr.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN,
    largestPaintMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
    firstPaintMs: lhr.audits["first-contentful-paint"]?.numericValue ?? Number.NaN,
    blockingMs: lhr.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
    speedIndexMs: lhr.audits["speed-index"]?.numericValue ?? Number.NaN,
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

/** Medians of `runs` Lighthouse runs on one page, after one unmeasured load. */
async function lighthouseRuns(port: number, origin: string, page: { name: string; path: string }, runs: number) {
  // The server's own caches and compilation are not the visitor's.
  await fetch(origin + page.path).then((r) => r.arrayBuffer());
  const scores: LighthouseScores[] = [];
  for (let i = 0; i < runs; i++) {
    scores.push(await lighthouseRun(port, origin + page.path));
    log(`${page.name} run ${i + 1}/${runs}: ${JSON.stringify(scores.at(-1))}`);
  }
  const of = (pick: (s: LighthouseScores) => number) => median(scores.map(pick));
  const note = `Lighthouse 12 mobile preset, median of ${runs}, load average ${loadavg()[0]!.toFixed(1)}, benchmarkIndex ${of((s) => s.benchmarkIndex).toFixed(0)}`;
  return {
    performance: of((s) => s.performance),
    accessibility: of((s) => s.accessibility),
    layoutShift: of((s) => s.layoutShift),
    note,
    metrics: `${note}; medians: FCP ${of((s) => s.firstPaintMs).toFixed(0)} ms, LCP ${of((s) => s.largestPaintMs).toFixed(0)} ms, TBT ${of((s) => s.blockingMs).toFixed(0)} ms, SI ${of((s) => s.speedIndexMs).toFixed(0)} ms`,
  };
}

export async function run(args: string[]): Promise<Figure[]> {
  const runs = parseRuns(args);
  const database = await createTestDatabase();
  const demo = await loadDemoDataIfEmpty(getDb(), () => {});
  log(`pages: ${database.engine} database with ${demo?.postings ?? 0} demo postings`);
  const env = { DATABASE_URL: database.url, AUTH_SECRET: "bench-pages-secret-bench-pages-secret-0123" };
  if ((await buildIfStale(env)) !== 0) throw new Error("next build failed");
  const server = await startNextServer(env);
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    const posting = await getDb().posting.findFirstOrThrow({ where: { closedAt: null, fit: true }, orderBy: { id: "asc" }, select: { id: true, title: true, companyName: true } });
    const pages = [
      { name: "listing", path: "/" },
      { name: "filtered listing", path: "/?level=senior&remote=remote&skills=pytorch" },
      { name: "posting page", path: postingPath(posting) },
    ];
    // The framework's floor: the 404 page renders nothing of ours but the layout.
    const floor = await scriptWeight(server.origin, "/no-such-page");
    const floorScores = await lighthouseRuns(chrome.port, server.origin, { name: "sign-in page (floor)", path: "/sign-in" }, runs);
    const figures: Figure[] = [
      { name: "sign-in page (floor) Lighthouse performance", value: floorScores.performance, unit: "", note: floorScores.metrics },
      {
        name: "framework floor JavaScript",
        value: floor.gzipBytes / 1024,
        unit: "KB gzipped",
        note: `the 404 page: Next.js and React, ${floor.scripts.size} files, nothing of ours but the layout; not counted: ${(floor.noModuleGzipBytes / 1024).toFixed(1)} KB nomodule polyfills`,
      },
    ];
    for (const page of pages) {
      const weight = await scriptWeight(server.origin, page.path);
      const own = [...weight.scripts].filter(([src]) => !floor.scripts.has(src)).reduce((sum, [, bytes]) => sum + bytes, 0);
      figures.push(
        {
          name: `${page.name} JavaScript`,
          value: weight.gzipBytes / 1024,
          unit: "KB gzipped",
          goal: { op: "<=", value: GOALS.jsKb },
          note: `${weight.scripts.size} files; plus ${(weight.inlineGzipBytes / 1024).toFixed(1)} KB inline hydration data in the HTML`,
        },
        { name: `${page.name} JavaScript beyond the floor`, value: own / 1024, unit: "KB gzipped", goal: { op: "<=", value: GOALS.ownJsKb } },
      );
      const scores = await lighthouseRuns(chrome.port, server.origin, page, runs);
      figures.push(
        {
          name: `${page.name} Lighthouse performance`,
          value: scores.performance,
          unit: "",
          goal: { op: ">=", value: GOALS.performance },
          note: scores.metrics,
        },
        { name: `${page.name} Lighthouse performance below the floor`, value: floorScores.performance - scores.performance, unit: "points", note: "the sign-in page's score minus this page's" },
        { name: `${page.name} Lighthouse accessibility`, value: scores.accessibility, unit: "", goal: { op: ">=", value: GOALS.accessibility }, note: scores.note },
        { name: `${page.name} cumulative layout shift`, value: scores.layoutShift, unit: "", goal: { op: "<=", value: GOALS.layoutShift }, note: scores.note },
      );
    }
    return figures;
  } finally {
    chrome.kill();
    await server.stop();
    await database.drop();
  }
}
