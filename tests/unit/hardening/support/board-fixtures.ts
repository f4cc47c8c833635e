/**
 * The payloads each board's fuzzing starts from: the real ones saved in ../shared/fixtures (read in
 * place, never copied) and the project's own in tests/fixtures/boards. Big listings are cut into a
 * few small windows of consecutive items, so each generated input stays cheap to parse while the
 * windows still cover the whole variety of the real payload.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ParseContext, SourceKind } from "@/scrapers/types";

export type PayloadFormat = "json" | "xml" | "html";

export interface BasePayload {
  /** "shared/greenhouse/anthropic-jobs-list.json#2" */
  name: string;
  format: PayloadFormat;
  text: string;
  /** Decoded JSON (json format only). */
  json?: unknown;
}

/** Long texts (descriptions) in the bases are cut to this many characters: the shape is what mutations need. */
const TEXT_LIMIT = 800;

function cut(text: string): string {
  if (text.length <= TEXT_LIMIT) return text;
  // Never end inside an entity or between the halves of a surrogate pair.
  return text.slice(0, TEXT_LIMIT).replace(/&[#\w]*$/, "").replace(/[\ud800-\udbff]$/, "");
}

function cutJson(value: unknown): unknown {
  if (typeof value === "string") return cut(value);
  if (Array.isArray(value)) return value.map(cutJson);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, cutJson(child)]));
  return value;
}

function cutMarkup(text: string, format: PayloadFormat): string {
  let result = text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_whole, inner: string) => `<![CDATA[${cut(inner)}]]>`)
    .replace(/>([^<]{800,})</g, (_whole, inner: string) => `>${cut(inner)}<`);
  if (format === "html") {
    // Page scripts and styles are most of a career page's bytes and none of what the parser reads.
    result = result.replace(/<script(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script>|<style[^>]*>[\s\S]*?<\/style>/gi, "");
  }
  return result;
}

const SHARED = path.resolve(process.cwd(), "../shared/fixtures");
const PROJECT = path.resolve(process.cwd(), "tests/fixtures/boards");

/** What parse is given for each board: the token or page URL a real source of that kind has. */
export const PARSE_CONTEXT: Record<SourceKind, ParseContext> = {
  greenhouse: { token: "fuzzco" },
  lever: { token: "fuzzco" },
  ashby: { token: "FuzzCo" },
  workable: { token: "fuzzco" },
  smartrecruiters: { token: "FuzzCo" },
  recruitee: { token: "fuzzco" },
  personio: { token: "fuzzco" },
  remoteok: {},
  remotive: {},
  weworkremotely: {},
  jsonld: { url: "https://careers.fuzzco.example/jobs/1" },
  hackernews: {},
  workday: { token: "fuzzco.wd5.myworkdayjobs.com/fuzzco/External" },
};

const WINDOW = 3;
const MAX_WINDOWS = 4;

function formatOf(file: string): PayloadFormat {
  if (file.endsWith(".json")) return "json";
  if (file.endsWith(".xml") || file.endsWith(".rss")) return "xml";
  return "html";
}

/** Copies of value in which every array longer than 2×WINDOW keeps only one window of its items. */
function jsonWindows(value: unknown): unknown[] {
  let longest = 0;
  const measure = (node: unknown) => {
    if (Array.isArray(node)) {
      longest = Math.max(longest, node.length);
      node.forEach(measure);
    } else if (node && typeof node === "object") Object.values(node).forEach(measure);
  };
  measure(value);
  if (longest <= 2 * WINDOW) return [value];
  const count = Math.min(MAX_WINDOWS, Math.ceil(longest / WINDOW));
  return Array.from({ length: count }, (_, windowIndex) => {
    const cut = (node: unknown): unknown => {
      if (Array.isArray(node)) {
        const items = node.length > 2 * WINDOW ? windowOf(node, windowIndex, count) : node;
        return items.map(cut);
      }
      if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, cut(child)]));
      return node;
    };
    return cut(value);
  });
}

function windowOf<T>(items: T[], index: number, count: number): T[] {
  const start = Math.floor(((items.length - WINDOW) * index) / Math.max(1, count - 1));
  return items.slice(start, start + WINDOW);
}

/** XML feeds: windows of consecutive <position>/<item> blocks. */
function xmlWindows(text: string): string[] {
  const block = /<(position|item)>[\s\S]*?<\/\1>\s*/g;
  const blocks = [...text.matchAll(block)];
  if (blocks.length <= 2 * WINDOW) return [text];
  const first = blocks[0]!.index;
  const last = blocks.at(-1)!;
  const head = text.slice(0, first);
  const tail = text.slice(last.index + last[0].length);
  const count = Math.min(MAX_WINDOWS, Math.ceil(blocks.length / WINDOW));
  return Array.from({ length: count }, (_, index) => head + windowOf(blocks, index, count).map((match) => match[0]).join("") + tail);
}

function filesOf(root: string, kind: string): string[] {
  const dir = path.join(root, kind);
  return existsSync(dir) ? readdirSync(dir).filter((file) => !file.startsWith(".")).sort().map((file) => path.join(dir, file)) : [];
}

/** The saved payloads of a board as they are, full size (a few, for a smaller number of runs). */
export function fullPayloads(kind: SourceKind): BasePayload[] {
  const files = [...filesOf(SHARED, kind).map((file) => ["shared", file] as const), ...filesOf(PROJECT, kind).map((file) => ["project", file] as const)];
  return files.map(([origin, file]) => {
    const format = formatOf(file);
    const text = readFileSync(file, "utf8");
    return { name: `${origin}/${kind}/${path.basename(file)}`, format, text, json: format === "json" ? JSON.parse(text) : undefined };
  });
}

/** Every base payload for a board kind, real ones first: windows of big listings, long texts cut. */
export function basePayloads(kind: SourceKind): BasePayload[] {
  const files = [...filesOf(SHARED, kind).map((file) => ["shared", file] as const), ...filesOf(PROJECT, kind).map((file) => ["project", file] as const)];
  return files.flatMap(([origin, file]): BasePayload[] => {
    const format = formatOf(file);
    const text = readFileSync(file, "utf8");
    const name = `${origin}/${kind}/${path.basename(file)}`;
    if (format === "json") {
      const windows = jsonWindows(cutJson(JSON.parse(text)));
      return windows.map((json, index) => ({ name: windows.length > 1 ? `${name}#${index}` : name, format, json, text: JSON.stringify(json) }));
    }
    if (format === "xml") {
      const windows = xmlWindows(cutMarkup(text, format));
      return windows.map((windowText, index) => ({ name: windows.length > 1 ? `${name}#${index}` : name, format, text: windowText }));
    }
    return [{ name, format, text: cutMarkup(text, format) }];
  });
}

export const sharedFixturesAvailable = existsSync(SHARED);
