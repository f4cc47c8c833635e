/**
 * Mutations of real payloads: structural ones on the decoded JSON (replace, delete, retype,
 * duplicate, add keys, nest deeply), leaf-text ones on XML and HTML, and byte-level ones on the
 * serialized text (truncation, insertion, corrupted bytes decoded as UTF-8 or Latin-1).
 */
import fc from "fast-check";
import { decodeBytes, hostileJsonValue, hostileString, type Decoding } from "./hostile";

type Json = unknown;
type Path = (string | number)[];

/** A marker that serialization replaces with deeply nested JSON text (too deep to build as objects). */
const DEEP_MARKER = "\u0001deep-nesting\u0001";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every path in a JSON value (the root is []). */
export function pathsOf(value: Json, limit = 5_000): Path[] {
  const paths: Path[] = [];
  const walk = (node: Json, path: Path) => {
    if (paths.length >= limit) return;
    paths.push(path);
    if (Array.isArray(node)) node.forEach((child, index) => walk(child, [...path, index]));
    else if (isRecord(node)) for (const key of Object.keys(node)) walk(node[key], [...path, key]);
  };
  walk(value, []);
  return paths;
}

function stringLeafPaths(value: Json): Path[] {
  return pathsOf(value).filter((path) => typeof get(value, path) === "string");
}

function get(value: Json, path: Path): Json {
  let node = value;
  for (const key of path) node = (node as Record<string | number, Json>)[key];
  return node;
}

function set(root: Json, path: Path, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const parent = get(root, path.slice(0, -1)) as Record<string | number, Json>;
  Object.defineProperty(parent, path.at(-1)!, { value: replacement, enumerable: true, writable: true, configurable: true });
  return root;
}

function remove(root: Json, path: Path): Json {
  if (path.length === 0) return null;
  const parent = get(root, path.slice(0, -1));
  const key = path.at(-1)!;
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete (parent as Record<string, Json>)[key as string];
  return root;
}

export type JsonOp = "replace" | "replaceString" | "delete" | "retype" | "duplicate" | "addKey" | "empty" | "stringify" | "deep" | "swap";

export interface JsonMutation {
  op: JsonOp;
  /** Which node, modulo the number of candidate nodes. */
  pick: number;
  other: number;
  value: Json;
  key: string;
  depth: number;
}

export function jsonMutation(maxLongLength = 2_000): fc.Arbitrary<JsonMutation> {
  return fc.record({
    op: fc.constantFrom<JsonOp>(
      "replace", "replaceString", "replaceString", "replaceString", "delete", "retype", "duplicate", "addKey", "empty", "stringify", "deep", "swap",
    ),
    pick: fc.nat(),
    other: fc.nat(),
    value: hostileJsonValue(maxLongLength),
    key: fc.oneof(fc.constantFrom("__proto__", "constructor", "id", "title", "jobs", "", "hits", "content"), fc.string({ maxLength: 10 })),
    depth: fc.oneof(fc.integer({ min: 10, max: 200 }), fc.integer({ min: 1_000, max: 20_000 })),
  });
}

function retyped(node: Json): Json {
  if (typeof node === "string") return node.length % 2 ? Number(node.length) : [node];
  if (typeof node === "number") return String(node);
  if (typeof node === "boolean") return node ? "true" : 0;
  if (node === null) return {};
  if (Array.isArray(node)) return node.length ? node[0] : "";
  return Object.values(node as Record<string, Json>);
}

function deepText(depth: number, shape: number): string {
  if (shape % 2 === 0) return "[".repeat(depth) + "]".repeat(depth);
  return '{"a":'.repeat(depth) + "null" + "}".repeat(depth);
}

/** Applies the mutations in order to a deep copy of base; returns the JSON text. */
export function applyJsonMutations(base: Json, mutations: readonly JsonMutation[]): string {
  let root: Json = structuredClone(base);
  const deep: string[] = [];
  for (const mutation of mutations) {
    const candidates = mutation.op === "replaceString" ? stringLeafPaths(root) : pathsOf(root);
    const path = candidates.length ? candidates[mutation.pick % candidates.length]! : [];
    const node = get(root, path);
    switch (mutation.op) {
      case "replace":
      case "replaceString":
        // A copy: arbitraries hand out shared instances (fc.constant({})), which must not be mutated later.
        root = set(root, path, structuredClone(mutation.value));
        break;
      case "delete":
        root = remove(root, path);
        break;
      case "retype":
        root = set(root, path, retyped(node));
        break;
      case "duplicate":
        if (Array.isArray(node) && node.length) node.splice(mutation.other % node.length, 0, structuredClone(node[mutation.other % node.length]));
        else root = set(root, path, [structuredClone(node), structuredClone(node)]);
        break;
      case "addKey":
        if (isRecord(node)) set(node, [mutation.key], structuredClone(mutation.value));
        else if (Array.isArray(node)) node.push(structuredClone(mutation.value));
        break;
      case "empty":
        root = set(root, path, Array.isArray(node) ? [] : isRecord(node) ? {} : typeof node === "string" ? "" : null);
        break;
      case "stringify":
        root = set(root, path, JSON.stringify(node) ?? "");
        break;
      case "deep":
        deep.push(deepText(mutation.depth, mutation.other));
        root = set(root, path, `${DEEP_MARKER}${deep.length - 1}`);
        break;
      case "swap": {
        const others = pathsOf(root);
        const target = others[mutation.other % others.length]!;
        const isAncestor = (a: Path, b: Path) => a.length <= b.length && a.every((key, index) => key === b[index]);
        if (!isAncestor(path, target) && !isAncestor(target, path)) {
          const a = structuredClone(node);
          const b = structuredClone(get(root, target));
          root = set(root, path, b);
          root = set(root, target, a);
        }
        break;
      }
    }
  }
  let text = JSON.stringify(root) ?? "null";
  deep.forEach((nested, index) => {
    text = text.replace(JSON.stringify(`${DEEP_MARKER}${index}`), () => nested);
  });
  return text;
}

/** String leaves (chosen by index, modulo their number) replaced by the given texts; the rest of the value kept. */
export function replaceStringLeaves(base: Json, replacements: readonly { pick: number; value: string }[]): string {
  const root = structuredClone(base);
  const leaves = stringLeafPaths(root);
  if (leaves.length) for (const { pick, value } of replacements) set(root, leaves[pick % leaves.length]!, value);
  return JSON.stringify(root);
}

export type TextOp = "truncate" | "insert" | "delete" | "duplicate" | "bytes" | "mojibake" | "bom" | "crlf" | "nul";

export interface TextMutation {
  op: TextOp;
  at: number;
  length: number;
  insert: string;
  flips: { offset: number; byte: number }[];
  decoding: Decoding;
}

export function textMutation(): fc.Arbitrary<TextMutation> {
  return fc.record({
    op: fc.constantFrom<TextOp>("truncate", "truncate", "insert", "delete", "duplicate", "bytes", "bytes", "mojibake", "bom", "crlf", "nul"),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 400 }),
    insert: hostileString(2_000),
    flips: fc.array(fc.record({ offset: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }),
    decoding: fc.constantFrom<Decoding>("utf8", "latin1"),
  });
}

export function applyTextMutations(text: string, mutations: readonly TextMutation[]): string {
  let current = text;
  for (const mutation of mutations) {
    const at = current.length ? mutation.at % (current.length + 1) : 0;
    switch (mutation.op) {
      case "truncate":
        current = current.slice(0, at);
        break;
      case "insert":
        current = current.slice(0, at) + mutation.insert + current.slice(at);
        break;
      case "delete":
        current = current.slice(0, at) + current.slice(at + mutation.length);
        break;
      case "duplicate":
        current = current.slice(0, at + mutation.length) + current.slice(at, at + mutation.length) + current.slice(at + mutation.length);
        break;
      case "bytes": {
        const bytes = Buffer.from(current, "utf8");
        for (const flip of mutation.flips) if (bytes.length) bytes[flip.offset % bytes.length] = flip.byte;
        current = decodeBytes(bytes, mutation.decoding);
        break;
      }
      case "mojibake":
        current = decodeBytes(Buffer.from(current, "utf8"), "latin1");
        break;
      case "bom":
        current = `\ufeff${current}`;
        break;
      case "crlf":
        current = current.replace(/\n/g, "\r\n");
        break;
      case "nul":
        current = current.slice(0, at) + "\u0000" + current.slice(at);
        break;
    }
  }
  return current;
}

/** Text leaves of XML/HTML: `<tag>text</tag>` (text or CDATA sections) with no child elements. */
export const LEAF = /<([A-Za-z_][\w.:-]*)(\s[^>]*)?>((?:[^<]|<!\[CDATA\[[\s\S]*?\]\]>)*)<\/\1>/g;

export interface MarkupMutation {
  op: "text" | "cdata" | "raw" | "deleteLeaf" | "duplicateLeaf";
  pick: number;
  value: string;
}

export function markupMutation(maxLongLength = 2_000): fc.Arbitrary<MarkupMutation> {
  return fc.record({
    op: fc.constantFrom<MarkupMutation["op"]>("text", "text", "cdata", "raw", "deleteLeaf", "duplicateLeaf"),
    pick: fc.nat(),
    value: hostileString(maxLongLength),
  });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Mutates leaf elements of markup: new text (escaped, in CDATA, or raw), removed or repeated. */
export function applyMarkupMutations(markup: string, mutations: readonly MarkupMutation[]): string {
  let current = markup;
  for (const mutation of mutations) {
    const leaves = [...current.matchAll(LEAF)];
    if (!leaves.length) continue;
    const leaf = leaves[mutation.pick % leaves.length]!;
    const [whole, tag, attributes = ""] = leaf;
    const start = leaf.index;
    const end = start + whole.length;
    const open = `<${tag}${attributes}>`;
    let replacement: string;
    switch (mutation.op) {
      case "text":
        replacement = `${open}${escapeXml(mutation.value)}</${tag}>`;
        break;
      case "cdata":
        replacement = `${open}<![CDATA[${mutation.value.replace(/]]>/g, "]]]]><![CDATA[>")}]]></${tag}>`;
        break;
      case "raw":
        replacement = `${open}${mutation.value}</${tag}>`;
        break;
      case "deleteLeaf":
        replacement = "";
        break;
      case "duplicateLeaf":
        replacement = whole + whole;
        break;
    }
    current = current.slice(0, start) + replacement + current.slice(end);
  }
  return current;
}

/** The JSON-LD blocks of an HTML page, so they can be mutated as JSON and put back. */
const JSON_LD_BLOCK = /(<script[^>]*type=["']?application\/ld\+json["']?[^>]*>)([\s\S]*?)(<\/script>)/gi;

export function jsonLdBlocks(html: string): unknown[] {
  return [...html.matchAll(JSON_LD_BLOCK)].flatMap((match) => {
    try {
      return [JSON.parse(match[2] ?? "")];
    } catch {
      return [];
    }
  });
}

/** Replaces the JSON-LD blocks of html, in order, with the given texts (extra blocks stay as they were). */
export function withJsonLdBlocks(html: string, texts: readonly string[]): string {
  let index = 0;
  return html.replace(JSON_LD_BLOCK, (whole, open: string, _body: string, close: string) =>
    index < texts.length ? `${open}${texts[index++]}${close}` : whole,
  );
}
