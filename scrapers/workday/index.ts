import { z } from "zod";
import {
  PayloadError,
  ScrapeError,
  type BoardScraper,
  type ParseContext,
  type RawPosting,
  type ScrapeContext,
  type ScrapeOutcome,
} from "@/scrapers/types";
import { toIsoDate } from "@/scrapers/shared/dates";
import { hasKey, readJson, validatePayload } from "@/scrapers/shared/payload";
import { checkPostings, companyName, httpUrl, optionalText, singleLine, uniqueBy, uniqueStrings } from "@/scrapers/shared/postings";
import { badToken, pastedUrl, pathSegments, scrapeToken } from "@/scrapers/shared/tokens";

const BOARD = "workday";
/** Workday's career-site API serves at most 20 postings per request. */
const PAGE_SIZE = 20;

/** `POST /wday/cxs/{tenant}/{site}/jobs`: postings without descriptions. */
const listItemSchema = z.looseObject({
  title: z.string(),
  /** "/job/USAVAReston/Sr-Site-Reliability-Engineer_JR-0105486": the posting's path under the site. */
  externalPath: z.string().min(1),
  /** A place, or "2 Locations" when there are several. */
  locationsText: z.string().nullish(),
  /** Relative ("Posted Yesterday", "Posted 30+ Days Ago"): no date can be read from it. */
  postedOn: z.string().nullish(),
  remoteType: z.string().nullish(),
  bulletFields: z.array(z.string()).nullish(),
});

const listSchema = z.looseObject({ total: z.number().nullish(), jobPostings: z.array(listItemSchema) });

/** `GET /wday/cxs/{tenant}/{site}{externalPath}`. */
const detailSchema = z.looseObject({
  jobPostingInfo: z.looseObject({
    id: z.string().nullish(),
    title: z.string(),
    jobDescription: z.string().nullish(),
    location: z.string().nullish(),
    additionalLocations: z.array(z.string()).nullish(),
    postedOn: z.string().nullish(),
    /** Date only ("2026-07-25"). */
    startDate: z.string().nullish(),
    timeType: z.string().nullish(),
    jobReqId: z.string().nullish(),
    jobPostingId: z.string().min(1),
    country: z.looseObject({ descriptor: z.string().nullish() }).nullish(),
    remoteType: z.string().nullish(),
    externalUrl: z.string().nullish(),
    canApply: z.boolean().nullish(),
  }),
  hiringOrganization: z.looseObject({ name: z.string().nullish() }).nullish(),
});

type ListItem = z.infer<typeof listItemSchema>;

/** Where a Workday career site lives: `{host}/{tenant}/{site}` as a token. */
interface Site {
  host: string;
  tenant: string;
  site: string;
}

function siteOf(token: string): Site {
  const [host, tenant, site] = token.split("/");
  if (!host || !tenant || !site) throw new Error(`${BOARD}: "${token}" is not {host}/{tenant}/{site}`);
  return { host, tenant, site };
}

const apiBase = ({ host, tenant, site }: Site) => `https://${host}/wday/cxs/${tenant}/${site}`;

export function parse(payload: string, context: ParseContext): RawPosting[] {
  const value = readJson(BOARD, payload);
  if (hasKey(value, "jobPostingInfo")) {
    const detail = validatePayload(BOARD, value, detailSchema);
    const site = siteFor(context, detail.jobPostingInfo.externalUrl);
    return checkPostings(BOARD, [fromDetail(detail, site, context)]);
  }
  const items = validatePayload(BOARD, value, listSchema).jobPostings;
  const site = siteFor(context);
  if (!site) {
    if (items.length) throw new Error(`${BOARD}: parsing a list needs the site token (or the API URL) to build job links`);
    return [];
  }
  return checkPostings(BOARD, uniqueBy(items.map((item) => fromListItem(item, site, context)), (posting) => posting.externalId));
}

/** The career site, from the token, the URL fetched, or a job link the payload gives. */
function siteFor(context: ParseContext, ...more: Array<string | null | undefined>): Site | undefined {
  for (const source of [context.token, context.url, ...more]) {
    if (!source) continue;
    try {
      return siteOf(normalizeToken(source));
    } catch {
      // not a Workday site reference; try the next one
    }
  }
  return undefined;
}

/** The posting's own id: the last segment of its path, which the detail calls jobPostingId. */
function postingId(externalPath: string): string {
  return externalPath.split("/").filter(Boolean).at(-1) ?? externalPath;
}

function jobUrl(site: Site, externalPath: string): string {
  return `https://${site.host}/${site.site}${externalPath.startsWith("/") ? "" : "/"}${externalPath}`;
}

function remoteHint(remoteType: string | null | undefined): RawPosting["remoteHint"] {
  const value = remoteType?.toLowerCase() ?? "";
  if (value.includes("remote")) return "remote";
  if (value.includes("hybrid") || value.includes("flex")) return "hybrid";
  if (value.includes("onsite") || value.includes("on-site") || value.includes("on site")) return "onsite";
  return undefined;
}

function fromListItem(item: ListItem, site: Site, context: ParseContext): RawPosting {
  const place = optionalText(item.locationsText);
  return {
    externalId: postingId(item.externalPath),
    title: singleLine(item.title),
    company: companyName(context.companyName, site.tenant) ?? "",
    url: jobUrl(site, item.externalPath),
    // "3 Locations" counts places without naming them; the detail names them.
    locations: place && !/^\d+ Locations?$/i.test(place) ? [place] : [],
    remoteHint: remoteHint(item.remoteType),
    raw: { externalPath: item.externalPath, postedOn: item.postedOn ?? null, bulletFields: item.bulletFields ?? [] },
  };
}

function fromDetail(detail: z.infer<typeof detailSchema>, site: Site | undefined, context: ParseContext): RawPosting {
  const info = detail.jobPostingInfo;
  return {
    externalId: info.jobPostingId,
    title: singleLine(info.title),
    company: companyName(detail.hiringOrganization?.name, context.companyName, site?.tenant) ?? "",
    url: httpUrl(info.externalUrl) ?? (site ? jobUrl(site, `/job/${info.jobPostingId}`) : ""),
    locations: uniqueStrings([info.location, ...(info.additionalLocations ?? [])]),
    remoteHint: remoteHint(info.remoteType),
    employmentType: optionalText(info.timeType),
    descriptionHtml: optionalText(info.jobDescription),
    postedAt: toIsoDate(info.startDate),
    raw: {
      id: info.id ?? null,
      jobReqId: info.jobReqId ?? null,
      postedOn: info.postedOn ?? null,
      country: info.country?.descriptor ?? null,
      canApply: info.canApply ?? null,
    },
  };
}

export function normalizeToken(input: string): string {
  const expected = "a career site URL such as https://acme.wd5.myworkdayjobs.com/External";
  const text = input.trim();
  const [host, ...rest] = text.split("/");
  // Already canonical: {host}/{tenant}/{site}.
  if (host && /\.(myworkdayjobs|myworkdaysite)\.com$/i.test(host) && rest.length === 2 && !/^https?:/i.test(text)) {
    return [host.toLowerCase(), ...rest].join("/");
  }
  const url = pastedUrl(text);
  if (!url) throw badToken(BOARD, input, expected);
  const hostname = url.hostname.toLowerCase();
  const segments = pathSegments(url).filter((segment) => !/^[a-z]{2}-[A-Z]{2}$/.test(segment));
  let tenant: string | undefined;
  let site: string | undefined;
  if (segments[0] === "wday" && segments[1] === "cxs") [, , tenant, site] = segments;
  else if (/\.myworkdayjobs\.com$/.test(hostname)) [tenant, site] = [hostname.split(".")[0], segments[0]];
  else if (/\.myworkdaysite\.com$/.test(hostname) && segments[0] === "recruiting") [, tenant, site] = segments;
  if (!/\.(myworkdayjobs|myworkdaysite)\.com$/.test(hostname) || !tenant || !site || !/^[\w-]+$/.test(tenant) || !/^[\w-]+$/.test(site)) {
    throw badToken(BOARD, input, expected);
  }
  return `${hostname}/${tenant}/${site}`;
}

export async function scrape(context: ScrapeContext): Promise<ScrapeOutcome> {
  const token = scrapeToken(normalizeToken, context.token);
  const site = siteOf(token);
  const listUrl = `${apiBase(site)}/jobs`;

  // The list is a POST search, so it cannot be asked conditionally: every run reads it.
  const items: ListItem[] = [];
  let total: number | undefined;
  let pages = 0;
  while (pages < Math.max(1, context.maxPages)) {
    const response = await context.fetcher.fetch(listUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ appliedFacets: {}, limit: PAGE_SIZE, offset: pages * PAGE_SIZE, searchText: "" }),
    });
    const page = validatePayload(BOARD, readJson(BOARD, response.body), listSchema);
    pages++;
    // Later pages may report total 0: the first page's count is the one to trust.
    total ??= page.total ?? undefined;
    items.push(...page.jobPostings);
    context.onProgress?.({ pages, postings: items.length });
    if (page.jobPostings.length < PAGE_SIZE || (total !== undefined && items.length >= total)) break;
  }

  const postings: RawPosting[] = [];
  for (const item of uniqueBy(items, (entry) => entry.externalPath)) {
    const detailUrl = `${apiBase(site)}${item.externalPath}`;
    try {
      const detail = await context.fetcher.fetch(detailUrl, { conditional: false, headers: { accept: "application/json" } });
      postings.push(...parse(detail.body, { token, url: detailUrl, companyName: context.companyName }));
    } catch (error) {
      // A posting closed between the list and its detail: keep what the list said about it.
      if (!(error instanceof ScrapeError) || error.kind !== "permanent" || error instanceof PayloadError) throw error;
      postings.push(fromListItem(item, site, { token, companyName: context.companyName }));
    }
    context.onProgress?.({ pages: pages + postings.length, postings: postings.length });
  }
  return { unchanged: false, postings: checkPostings(BOARD, uniqueBy(postings, (posting) => posting.externalId)), pages: pages + postings.length };
}

export const workday: BoardScraper = {
  kind: "workday",
  terms: {
    boardName: "Workday career sites",
    // Each employer's own career site on Workday: robots.txt (honoured by lib/http) governs access.
    listingAllowed: true,
    minIntervalMs: 1000,
  },
  parse,
  scrape,
  normalizeToken,
};
