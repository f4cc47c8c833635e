import * as cheerio from "cheerio";
import { z } from "zod";
import {
  ScrapeError,
  type BoardScraper,
  type ParseContext,
  type RawPosting,
  type ScrapeContext,
  type ScrapeOutcome,
} from "@/scrapers/types";
import { toIsoDate } from "@/scrapers/shared/dates";
import { escapeHtml } from "@/scrapers/shared/html";
import { fetchIndexedPages } from "@/scrapers/shared/listing";
import { hasKey, readJson, validatePayload } from "@/scrapers/shared/payload";
import { checkPostings, httpUrl, singleLine, uniqueBy, uniqueStrings } from "@/scrapers/shared/postings";
import { badToken, pastedUrl, pathSegments, scrapeToken } from "@/scrapers/shared/tokens";
import {
  cleanTitle,
  cutHeader,
  isListLine,
  isRoleLike,
  readHeader,
  readLabel,
  roleFromListLine,
  splitRoles,
  urlsIn,
  type HeaderFields,
} from "@/scrapers/hackernews/header";

const BOARD = "hackernews";
const ALGOLIA = "https://hn.algolia.com/api/v1";
const HITS_PER_PAGE = 1000;

/** Algolia search hit (`/search?tags=comment,story_{id}`); story hits share the shape without comment_text. */
const hitSchema = z.looseObject({
  objectID: z.string().min(1),
  author: z.string().nullish(),
  comment_text: z.string().nullish(),
  created_at: z.string().nullish(),
  created_at_i: z.number().nullish(),
  parent_id: z.number().nullish(),
  story_id: z.number().nullish(),
  story_title: z.string().nullish(),
  title: z.string().nullish(),
});

const searchSchema = z.looseObject({
  hits: z.array(hitSchema),
  page: z.number().nullish(),
  nbPages: z.number().nullish(),
});

/** Algolia item tree (`/items/{id}`): deleted comments keep their place with text and author null. */
interface TreeItem {
  id: number;
  type?: string | null;
  author?: string | null;
  text?: string | null;
  created_at?: string | null;
  created_at_i?: number | null;
  children?: TreeItem[] | null;
}
const treeItemSchema: z.ZodType<TreeItem> = z.lazy(() =>
  z.looseObject({
    id: z.number(),
    type: z.string().nullish(),
    author: z.string().nullish(),
    text: z.string().nullish(),
    created_at: z.string().nullish(),
    created_at_i: z.number().nullish(),
    children: z.array(treeItemSchema).nullish(),
  }),
);

/** Firebase item (`/v0/item/{id}.json`); a saved payload may hold one or a list. */
const firebaseItemSchema = z.looseObject({
  id: z.number(),
  type: z.string().nullish(),
  by: z.string().nullish(),
  text: z.string().nullish(),
  time: z.number().nullish(),
  parent: z.number().nullish(),
  deleted: z.boolean().nullish(),
  dead: z.boolean().nullish(),
});

interface Comment {
  id: string;
  html: string;
  author?: string;
  createdAt?: string;
  storyId?: string;
}

export function parse(payload: string, _context: ParseContext): RawPosting[] {
  const postings = topLevelComments(readJson(BOARD, payload)).flatMap(postingsFromComment);
  return checkPostings(BOARD, uniqueBy(postings, (posting) => posting.externalId));
}

/** Job posts are the thread's top-level comments; replies, deleted and dead comments are not. */
function topLevelComments(value: unknown): Comment[] {
  if (hasKey(value, "hits")) {
    return validatePayload(BOARD, value, searchSchema).hits.flatMap((hit) =>
      hit.comment_text && hit.parent_id != null && hit.parent_id === hit.story_id
        ? [
            {
              id: hit.objectID,
              html: hit.comment_text,
              author: hit.author ?? undefined,
              createdAt: toIsoDate(hit.created_at ?? hit.created_at_i),
              storyId: String(hit.story_id),
            },
          ]
        : [],
    );
  }
  if (hasKey(value, "children")) {
    const root = validatePayload(BOARD, value, treeItemSchema);
    const comments = root.type === "comment" ? [root] : (root.children ?? []);
    return comments.flatMap((item) =>
      item.text && item.author
        ? [{ id: String(item.id), html: item.text, author: item.author, createdAt: toIsoDate(item.created_at ?? item.created_at_i), storyId: String(root.id) }]
        : [],
    );
  }
  const items = validatePayload(BOARD, Array.isArray(value) ? value : [value], z.array(firebaseItemSchema));
  const story = items.find((item) => item.type === "story");
  return items.flatMap((item) =>
    item.type === "comment" && item.text && !item.deleted && !item.dead && (!story || item.parent === story.id)
      ? [{ id: String(item.id), html: item.text, author: item.by ?? undefined, createdAt: toIsoDate(item.time), storyId: story ? String(story.id) : undefined }]
      : [],
  );
}

interface Paragraph {
  html: string;
  /** Entities decoded, tags dropped, each link replaced by its full href (HN shortens link text). */
  text: string;
  links: string[];
}

/** HN separates paragraphs with a bare `<p>` (no closing tag). */
function paragraphsOf(html: string): Paragraph[] {
  return html.split(/<p>/i).flatMap((chunk) => {
    const $ = cheerio.load(chunk.replace(/<\/p>/gi, ""), null, false);
    const links: string[] = [];
    $("a").each((_index, anchor) => {
      const href = httpUrl($(anchor).attr("href"));
      if (!href) return;
      links.push(href);
      $(anchor).text(` ${href} `);
    });
    const text = $.root().text().replace(/[ \t]+/g, " ").trim();
    return text ? [{ html: chunk.trim(), text, links }] : [];
  });
}

interface Role {
  title: string;
  applyUrl?: string;
}

const APPLY_HINT =
  /apply|career|jobs?\b|\/job\/|vacanc|lever\.co|greenhouse\.io|ashbyhq|workable|recruitee|smartrecruiters|teamtailor|personio|bamboohr|breezy|applytojob|forms\.gle|typeform|wellfound/i;

function postingsFromComment(comment: Comment): RawPosting[] {
  const paragraphs = paragraphsOf(comment.html);
  const first = paragraphs[0];
  if (!first) return [];
  const { header: headerLine, rest } = cutHeader(first.text.split("\n")[0] ?? "");
  const header = readHeader(headerLine) ?? emptyHeader();
  const body = paragraphs.slice(1);
  const labels = new Map<string, string>();
  for (const paragraph of paragraphs) {
    const label = readLabel(paragraph.text);
    if (label && !labels.has(label.label)) labels.set(label.label, label.value);
  }

  const company =
    header.company ?? labels.get("company") ?? /^At ([A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3})\b/.exec(first.text)?.[1];
  const roles = chooseRoles(header, body, labels);
  if (!company || roles.length === 0) return [];

  applyLabels(header, labels);
  const links = uniqueStrings([...paragraphs.flatMap((paragraph) => paragraph.links), ...urlsIn(headerLine)]);
  const applyUrl =
    httpUrl(labels.get("apply")) ??
    links.find((link) => APPLY_HINT.test(link)) ??
    httpUrl(header.urls[0]) ??
    links[0];
  const descriptionParts = [rest ? `<p>${escapeHtml(rest)}</p>` : "", ...body.map((paragraph) => `<p>${paragraph.html}</p>`)];
  const descriptionHtml = descriptionParts.join("\n").trim() || undefined;

  return roles.map((role, index) => ({
    externalId: roles.length > 1 ? `${comment.id}#${index + 1}` : comment.id,
    title: singleLine(role.title),
    company: singleLine(company),
    url: `https://news.ycombinator.com/item?id=${comment.id}`,
    applyUrl: role.applyUrl ?? applyUrl,
    locations: uniqueStrings(header.locations),
    remoteHint: header.remoteHint,
    remoteEligibility: header.remoteEligibility.length ? uniqueStrings(header.remoteEligibility) : undefined,
    employmentType: header.employmentType,
    descriptionHtml,
    salary: header.salary ? { text: header.salary } : undefined,
    postedAt: comment.createdAt,
    raw: {
      author: comment.author ?? null,
      storyId: comment.storyId ?? null,
      header: headerLine,
      ...(header.other.length ? { otherFields: header.other } : {}),
    },
  }));
}

function emptyHeader(): HeaderFields {
  return { roles: [], genericRole: true, pluralRole: false, locations: [], remoteEligibility: [], urls: [], other: [] };
}

/**
 * The header's roles, unless it only says "Multiple roles" (or names a plural) and the body lists
 * the roles one per line, each often with its own link.
 */
function chooseRoles(header: HeaderFields, body: Paragraph[], labels: Map<string, string>): Role[] {
  const listed = listedRoles(body);
  if ((header.genericRole || header.pluralRole) && listed.length >= (header.genericRole ? 1 : 2)) return listed;
  if (header.roles.length) return header.roles.map((title) => ({ title }));
  const labelled = labels.get("role") ?? labels.get("roles") ?? labels.get("position") ?? labels.get("positions") ?? labels.get("title");
  if (labelled && isRoleLike(labelled)) return splitRoles(cleanTitle(labelled)).map((title) => ({ title }));
  return [];
}

/** Roles listed in the body: bullet lines, or lines right after an intro ending with ":". */
function listedRoles(body: Paragraph[]): Role[] {
  const roles: Role[] = [];
  let inList = false;
  for (const paragraph of body) {
    const line = paragraph.text.split("\n")[0]?.trim() ?? "";
    const inlineList = /^(?:roles?|positions?|openings?)\s*:\s*(.+)$/i.exec(line)?.[1];
    if (inlineList) {
      for (const title of inlineList.split(/\s*[,;]\s*|\s+and\s+/)) {
        if (isRoleLike(title)) roles.push({ title: cleanTitle(title) });
      }
      continue;
    }
    const title = isListLine(line) || inList ? roleFromListLine(line) : undefined;
    if (title) {
      roles.push({ title, applyUrl: paragraph.links.find((link) => APPLY_HINT.test(link)) ?? paragraph.links[0] });
      inList = true;
    } else {
      inList = /:\s*$/.test(line);
    }
  }
  return uniqueBy(roles, (role) => role.title.toLowerCase());
}

/** Posts that use "LOCATION: …", "SALARY: …" lines fill what their header lacks. */
function applyLabels(header: HeaderFields, labels: Map<string, string>): void {
  const location = labels.get("location") ?? labels.get("locations");
  const workplace = labels.get("remote") ?? labels.get("onsite");
  for (const text of [location, workplace]) {
    if (!text) continue;
    const parsed = readHeader(`label | ${text}`);
    if (!parsed) continue;
    if (!header.locations.length) header.locations.push(...parsed.locations);
    if (!header.remoteEligibility.length) header.remoteEligibility.push(...parsed.remoteEligibility);
    header.remoteHint ??= parsed.remoteHint;
  }
  header.salary ??= labels.get("salary") ?? labels.get("compensation") ?? labels.get("comp range") ?? labels.get("comp") ?? labels.get("pay");
  header.employmentType ??= labels.get("type") ?? labels.get("job type");
}

export function normalizeToken(input: string): string {
  const text = input.trim();
  if (/^(latest|whoishiring|who is hiring)$/i.test(text)) return "latest";
  if (/^\d+$/.test(text)) return text;
  const url = pastedUrl(text);
  const id = url?.hostname.endsWith("ycombinator.com")
    ? url.searchParams.get("id")
    : url?.hostname === "hn.algolia.com"
      ? pathSegments(url).at(-1)
      : undefined;
  if (id && /^\d+$/.test(id)) return id;
  throw badToken(BOARD, input, `"latest", a thread id, or a news.ycombinator.com/item?id=… URL`);
}

/** The newest "Ask HN: Who is hiring?" story by the whoishiring account. */
async function latestThreadId(context: ScrapeContext): Promise<string> {
  const url = `${ALGOLIA}/search_by_date?tags=story,author_whoishiring&hitsPerPage=30`;
  const response = await context.fetcher.fetch(url, { conditional: false });
  const stories = validatePayload(BOARD, readJson(BOARD, response.body), searchSchema).hits;
  const thread = stories.find((story) => /^Ask HN: Who is hiring\?/i.test(story.title ?? story.story_title ?? ""));
  if (!thread) throw new ScrapeError(`${BOARD}: no "Ask HN: Who is hiring?" story among the latest whoishiring posts`, "permanent");
  return thread.objectID;
}

export async function scrape(context: ScrapeContext): Promise<ScrapeOutcome> {
  const token = scrapeToken(normalizeToken, context.token);
  const storyId = token === "latest" ? await latestThreadId(context) : token;
  const pageUrl = (index: number) =>
    `${ALGOLIA}/search?tags=comment,story_${storyId}&hitsPerPage=${HITS_PER_PAGE}&page=${index}`;
  const outcome = await fetchIndexedPages(context, pageUrl, (body, index) => {
    const page = validatePayload(BOARD, readJson(BOARD, body), searchSchema);
    return { items: parse(body, { token, url: pageUrl(index) }), last: (page.page ?? index) + 1 >= (page.nbPages ?? 1) };
  });
  if (outcome.unchanged) return outcome;
  return { unchanged: false, postings: uniqueBy(outcome.items, (posting) => posting.externalId), pages: outcome.pages };
}

export const hackernews: BoardScraper = {
  kind: "hackernews",
  terms: {
    boardName: "Hacker News: Ask HN: Who is hiring?",
    termsUrl: "https://github.com/HackerNews/API",
    attribution: "Posted in Hacker News' monthly \"Ask HN: Who is hiring?\" thread (news.ycombinator.com).",
    listingAllowed: true,
    minIntervalMs: 1000,
  },
  parse,
  scrape,
  normalizeToken,
};
