import { z } from "zod";
import { PayloadError, type BoardScraper, type ParseContext, type RawPosting, type ScrapeContext, type ScrapeOutcome } from "@/scrapers/types";
import { toIsoDate } from "@/scrapers/shared/dates";
import { decodeEntities, escapeHtml, isEntityEscapedHtml } from "@/scrapers/shared/html";
import { parseWellFormedJson, validatePayload } from "@/scrapers/shared/payload";
import {
  checkPostings,
  companyName,
  formatPlace,
  httpUrl,
  optionalText,
  singleLine,
  uniqueBy,
  uniqueStrings,
} from "@/scrapers/shared/postings";
import { scrapeToken } from "@/scrapers/shared/tokens";

const BOARD = "jsonld";

/** schema.org values are a thing, a list of things, or a plain string in their place. */
const anything = z.unknown().optional();

const jobPostingSchema = z.looseObject({
  title: z.string().trim().min(1),
  description: z.string().nullish(),
  datePosted: z.union([z.string(), z.number()]).nullish(),
  validThrough: z.union([z.string(), z.number()]).nullish(),
  url: z.string().nullish(),
  employmentType: anything,
  hiringOrganization: anything,
  jobLocation: anything,
  jobLocationType: anything,
  applicantLocationRequirements: anything,
  baseSalary: anything,
  identifier: anything,
  responsibilities: anything,
  qualifications: anything,
  skills: anything,
  directApply: anything,
  industry: anything,
  occupationalCategory: anything,
});

type JobPosting = z.infer<typeof jobPostingSchema>;

export function parse(payload: string, context: ParseContext): RawPosting[] {
  const { postings: nodes, brokenBlocks, byId } = findJobPostings(payload);
  // A broken block only matters when it may have been the posting; other pages carry junk JSON-LD too.
  if (nodes.length === 0 && brokenBlocks.length > 0) {
    throw new PayloadError(`${BOARD} payload: script[type="application/ld+json"] #${brokenBlocks[0]}: not valid JSON`);
  }
  const postings = nodes.map((node, index) =>
    toPosting(validatePayload(BOARD, node, jobPostingSchema, ["JobPosting", index]), index, nodes.length, context, byId),
  );
  return checkPostings(BOARD, uniqueBy(postings, (posting) => posting.externalId));
}

interface Found {
  postings: Record<string, unknown>[];
  brokenBlocks: number[];
  /** Nodes by @id, to follow references such as hiringOrganization: {"@id": "#org"}. */
  byId: Map<string, Record<string, unknown>>;
}

/**
 * The page's script elements and links, found by scanning the markup instead of building a DOM: a
 * tree builder (parse5, htmlparser2) spends quadratic time on thousands of nested elements, and a
 * career page is anyone's HTML (200 KB of nested divs cost 25 s of CPU). Comments and raw-text
 * elements are skipped as a browser skips them, so a script inside a comment or a textarea is text.
 * An attribute list ends at the next "<" as well as at ">", so a page of unclosed tags stays linear.
 */
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|template)\b([^<>]*)>([\s\S]*?)(?:<\/\1(?:[\s/][^<>]*)?>|$)|<a\b([^<>]*)>/gi;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

interface Scanned {
  /** Text of each script element, with its attributes. */
  scripts: { attributes: string; text: string }[];
  /** Attributes of each link. */
  links: string[];
}

function scanMarkup(html: string): Scanned {
  const scanned: Scanned = { scripts: [], links: [] };
  for (const match of html.matchAll(MARKUP)) {
    const [, element, attributes = "", text = "", linkAttributes] = match;
    if (element?.toLowerCase() === "script") scanned.scripts.push({ attributes, text });
    else if (linkAttributes !== undefined) scanned.links.push(linkAttributes);
  }
  return scanned;
}

/** One attribute's value, entity-decoded, or undefined when the tag does not carry it. */
function attributeOf(attributes: string, name: string): string | undefined {
  for (const [, key = "", doubleQuoted, singleQuoted, bare] of attributes.matchAll(ATTRIBUTE)) {
    if (key.toLowerCase() === name) return decodeEntities(doubleQuoted ?? singleQuoted ?? bare ?? "");
  }
  return undefined;
}

/** Every JobPosting in the page's JSON-LD blocks: top level, in arrays, in @graph, or nested in other nodes. */
function findJobPostings(html: string): Found {
  const found: Found = { postings: [], brokenBlocks: [], byId: new Map() };
  scanMarkup(html)
    .scripts.filter((script) => (attributeOf(script.attributes, "type") ?? "").trim().toLowerCase() === "application/ld+json")
    .forEach((script, index) => {
      const text = script.text.trim();
      if (!text) return;
      const value = parseLenientJson(text);
      if (value === undefined) found.brokenBlocks.push(index + 1);
      else collect(value, found, 0);
    });
  return found;
}

/** JSON, or JSON with raw control characters inside strings (a common hand-written-template slip). */
function parseLenientJson(text: string): unknown {
  for (const candidate of [text, text.replace(/[\u0000-\u001f]+/g, " ")]) {
    try {
      return parseWellFormedJson(candidate);
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

function collect(value: unknown, found: Found, depth: number): void {
  if (depth > 8 || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, found, depth + 1);
    return;
  }
  const node = value as Record<string, unknown>;
  if (typeof node["@id"] === "string" && Object.keys(node).length > 1) found.byId.set(node["@id"], node);
  if (isJobPosting(node["@type"])) {
    found.postings.push(node);
    return;
  }
  for (const child of Object.values(node)) collect(child, found, depth + 1);
}

function isJobPosting(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((entry) => typeof entry === "string" && /(^|[/:])JobPosting$/.test(entry.trim()));
}

function toPosting(
  job: JobPosting,
  index: number,
  count: number,
  context: ParseContext,
  byId: Map<string, Record<string, unknown>>,
): RawPosting {
  const url = httpUrl(job.url, context.url) ?? httpUrl(context.url);
  const identifier = identifierOf(job.identifier);
  const remote = texts(job.jobLocationType).some((type) => type.toUpperCase() === "TELECOMMUTE");
  return {
    externalId: identifier ?? (url && count === 1 ? url : `${url ?? "posting"}#${index + 1}`),
    title: singleLine(decodeEntities(job.title)),
    company:
      companyName(organizationName(resolve(job.hiringOrganization, byId)), context.companyName, url && new URL(url).hostname) ?? "",
    url: url ?? "",
    locations: uniqueStrings(asList(job.jobLocation).map(placeText)),
    remoteHint: remote ? "remote" : undefined,
    remoteEligibility: optionalList(uniqueStrings(asList(job.applicantLocationRequirements).flatMap(names))),
    employmentType: optionalText(texts(job.employmentType).join(", ")),
    descriptionHtml: descriptionHtml(job),
    salary: salaryOf(job.baseSalary),
    postedAt: toIsoDate(job.datePosted),
    raw: {
      identifier: identifier ?? null,
      validThrough: toIsoDate(job.validThrough) ?? null,
      directApply: typeof job.directApply === "boolean" ? job.directApply : null,
      industry: optionalText(texts(job.industry).join(", ")) ?? null,
      occupationalCategory: optionalText(texts(job.occupationalCategory).join(", ")) ?? null,
    },
  };
}

/** A node that only points elsewhere in the page ({"@id": "#org"}) stands for the node it names. */
function resolve(value: unknown, byId: Map<string, Record<string, unknown>>): unknown {
  const node = record(asList(value)[0]);
  const id = node?.["@id"];
  return node && typeof id === "string" && Object.keys(node).length === 1 ? (byId.get(id) ?? value) : value;
}

function asList(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function optionalList(values: string[]): string[] | undefined {
  return values.length ? values : undefined;
}

/** Strings of a value that may be a string, a number or a list of them. */
function texts(value: unknown): string[] {
  return asList(value).flatMap((entry) =>
    typeof entry === "string" || typeof entry === "number" ? [String(entry).trim()].filter(Boolean) : [],
  );
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `name` of a Thing (a string, or a list such as Meta's ["USA", "USA", ...]), or the string itself. */
function names(value: unknown): string[] {
  if (typeof value === "string") return texts(value);
  return uniqueStrings(texts(record(value)?.name));
}

function organizationName(value: unknown): string | undefined {
  const first = asList(value)[0];
  return names(first)[0];
}

function identifierOf(value: unknown): string | undefined {
  const first = asList(value)[0];
  const id = typeof first === "string" || typeof first === "number" ? first : record(first)?.value;
  return typeof id === "string" || typeof id === "number" ? optionalText(String(id)) : undefined;
}

/** A Place's own name when it has one (Meta repeats one wrong address under correct names), else its address. */
function placeText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  const place = record(value);
  if (!place) return undefined;
  const name = texts(place.name)[0];
  if (name) return name;
  const address = place.address;
  if (typeof address === "string") return address;
  const postal = record(address);
  if (!postal) return undefined;
  return formatPlace(texts(postal.addressLocality)[0], texts(postal.addressRegion)[0], names(postal.addressCountry)[0]);
}

function descriptionHtml(job: JobPosting): string | undefined {
  const description = job.description ? descriptionBody(job.description) : undefined;
  const sections = (
    [
      ["Responsibilities", job.responsibilities],
      ["Qualifications", job.qualifications],
      ["Skills", job.skills],
    ] as const
  ).flatMap(([heading, value]) => {
    const items = texts(value);
    if (!items.length || items.every((item) => description?.includes(item))) return [];
    return [`<h3>${heading}</h3>${items.map(sectionHtml).join("\n")}`];
  });
  const parts = [description, ...sections].filter((part): part is string => Boolean(part));
  return parts.length ? parts.join("\n") : undefined;
}

/** Some templates double-escape the HTML or leave literal "\n" sequences; plain text becomes paragraphs. */
function descriptionBody(description: string): string | undefined {
  const html = (isEntityEscapedHtml(description) ? decodeEntities(description) : description).replace(/\\n/g, "\n").trim();
  if (/<[a-z][^>]*>/i.test(html)) return html || undefined;
  const paragraphs = decodeEntities(html)
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return paragraphs.length ? paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n") : undefined;
}

/** HTML as given; plain text with "&nbsp;"-joined items (Meta) becomes a list. */
function sectionHtml(text: string): string {
  if (/<[a-z][\s\S]*>/i.test(text)) return text;
  const items = decodeEntities(text)
    .split(/\u00a0|\n/)
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length > 1 ? `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>` : `<p>${escapeHtml(items[0] ?? "")}</p>`;
}

function salaryOf(value: unknown): RawPosting["salary"] {
  const amount = record(asList(value)[0]);
  if (!amount) return undefined;
  const currency = texts(amount.currency)[0];
  const quantity = record(amount.value);
  const number = (raw: unknown) => {
    const parsed = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw.replace(/[,\s]/g, "")) : NaN;
    return Number.isFinite(parsed) && parsed > 0 ? parsed : undefined;
  };
  const single = number(quantity ? quantity.value : amount.value);
  const min = number(quantity?.minValue) ?? single;
  const max = number(quantity?.maxValue) ?? single;
  if (min === undefined && max === undefined) return undefined;
  return { min, max, currency, interval: texts(quantity?.unitText)[0] };
}

const ASSET = /\.(pdf|png|jpe?g|gif|svg|webp|ico|css|js|json|xml|zip|docx?)$/i;
const JOBISH = /\/(jobs?|careers?|positions?|openings?|vacanc(y|ies)|offers?|stellen(angebote)?|o|p)(\/|$)/i;

/** Same-host links that look like job pages: under the listing's path, or under a jobs-like path. */
function jobLinks(html: string, pageUrl: string): string[] {
  const page = new URL(pageUrl);
  const bareHost = (host: string) => host.replace(/^www\./, "");
  const prefix = page.pathname.endsWith("/") ? page.pathname : `${page.pathname}/`;
  const links = scanMarkup(html)
    .links.flatMap((attributes) => {
      const href = httpUrl(attributeOf(attributes, "href"), page.href);
      if (!href) return [];
      const link = new URL(href);
      link.hash = "";
      const sameHost = bareHost(link.hostname) === bareHost(page.hostname);
      const candidate =
        sameHost &&
        link.pathname !== page.pathname &&
        !ASSET.test(link.pathname) &&
        (link.pathname.startsWith(prefix) || JOBISH.test(link.pathname));
      return candidate ? [link.href] : [];
    });
  return uniqueStrings(links);
}

export function normalizeToken(input: string): string {
  const url = httpUrl(/^https?:\/\//i.test(input.trim()) ? input : `https://${input.trim()}`);
  if (!url || !/^[^/]+\.[^/]+/.test(url.replace(/^https?:\/\//, ""))) {
    throw new Error(`${BOARD}: "${input.trim()}" is not the URL of a career page (expected https://…)`);
  }
  const parsed = new URL(url);
  parsed.hash = "";
  return parsed.href;
}

export async function scrape(context: ScrapeContext): Promise<ScrapeOutcome> {
  const start = scrapeToken(normalizeToken, context.token);
  const first = await context.fetcher.fetch(start);
  if (first.notModified) {
    context.onProgress?.({ pages: 1, postings: 0 });
    return { unchanged: true, pages: 1 };
  }
  const own = parse(first.body, { url: first.url, companyName: context.companyName });
  context.onProgress?.({ pages: 1, postings: own.length });
  // A posting page (or a listing that embeds every posting) is complete on its own.
  if (own.length > 0) return { unchanged: false, postings: own, pages: 1 };

  const postings: RawPosting[] = [];
  const links = jobLinks(first.body, first.url).slice(0, Math.max(0, context.maxPages - 1));
  for (const [index, link] of links.entries()) {
    const page = await context.fetcher.fetch(link, { conditional: false });
    try {
      postings.push(...parse(page.body, { url: page.url, companyName: context.companyName }));
    } catch (error) {
      if (!(error instanceof PayloadError)) throw error;
      throw new PayloadError(`${page.url}: ${error.message}`, { cause: error });
    }
    context.onProgress?.({ pages: index + 2, postings: postings.length });
  }
  return { unchanged: false, postings: uniqueBy(postings, (posting) => posting.externalId), pages: links.length + 1 };
}

export const jsonld: BoardScraper = {
  kind: "jsonld",
  terms: {
    boardName: "Employer career pages (schema.org JobPosting)",
    // Each employer's own page: robots.txt (honoured by lib/http) is what governs access.
    listingAllowed: true,
    minIntervalMs: 1000,
  },
  parse,
  scrape,
  normalizeToken,
};
