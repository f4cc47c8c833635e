import { z } from "zod";
import type { SourceKind } from "@/lib/generated/prisma/enums";

/**
 * A page a person can open: absolute http(s) only. z.url() alone accepts any scheme, and a
 * javascript:, data: or mailto: "URL" would end up in our hrefs, the Atom feed and the API.
 */
const pageUrlSchema = z.url({ protocol: /^https?$/ });

/**
 * What every board scraper yields: the board's own facts, lightly cleaned, before normalization.
 * Board-specific leftovers go in `raw` (stored on the Sighting), never in new columns.
 */
export const rawPostingSchema = z.object({
  /** Stable id of the posting on its board. */
  externalId: z.string().min(1),
  title: z.string().min(1),
  company: z.string().min(1),
  /** The posting at its source (a page a person can open). */
  url: pageUrlSchema,
  applyUrl: pageUrlSchema.optional(),
  /** Location strings as the board writes them, one per place. */
  locations: z.array(z.string()).default([]),
  /** What the board states structurally about remote work, if anything. */
  remoteHint: z.enum(["remote", "hybrid", "onsite"]).optional(),
  /** Structured eligibility the board gives (e.g. applicantLocationRequirements). */
  remoteEligibility: z.array(z.string()).optional(),
  employmentType: z.string().optional(),
  department: z.string().optional(),
  descriptionHtml: z.string().optional(),
  descriptionText: z.string().optional(),
  /** Structured salary when the board has one; free text goes in salary.text. */
  salary: z
    .object({
      min: z.number().optional(),
      max: z.number().optional(),
      currency: z.string().optional(),
      interval: z.string().optional(),
      text: z.string().optional(),
    })
    .optional(),
  /** ISO 8601. */
  postedAt: z.string().optional(),
  raw: z.record(z.string(), z.unknown()).optional(),
});

export type RawPosting = z.infer<typeof rawPostingSchema>;

/** Context a pure parse may need: the board token or URL the payload came from. */
export interface ParseContext {
  token?: string;
  /** URL the payload was fetched from (relative links, JSON-LD pages). */
  url?: string;
  /** Company name when the payload does not carry one. */
  companyName?: string;
}

/** Why a source's run failed; drives retries in the worker. */
export type FailureKind = "retryable" | "permanent" | "fatal";

export class ScrapeError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ScrapeError";
  }
}

/** A payload that does not have the board's shape: not retryable. */
export class PayloadError extends ScrapeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, "permanent", options);
    this.name = "PayloadError";
  }
}

export interface SourceTerms {
  /** Human name of the board, shown with attribution. */
  boardName: string;
  termsUrl?: string;
  /** Attribution the terms ask for, rendered wherever its postings appear. */
  attribution?: string;
  /** Whether the terms allow showing its postings in a job search service. */
  listingAllowed: boolean;
  /** Why it is disabled by default, when listingAllowed is false. */
  disabledReason?: string;
  /** Minimum spacing between requests to this board's host, ms. */
  minIntervalMs?: number;
}

export type { SourceKind };

/** One response through the polite HTTP client (lib/http). */
export interface FetchResult {
  /** Final URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Empty when notModified. */
  body: string;
  /** 304 to a conditional request: the content is what we saw last time. */
  notModified: boolean;
}

export interface FetchInit {
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
  /** Send If-None-Match / If-Modified-Since from the source's stored validators (default true for GET). */
  conditional?: boolean;
}

/** What a scraper fetches through: politeness, retries, validators are handled behind it. */
export interface Fetcher {
  /** Resolves for 2xx and 304; throws ScrapeError otherwise (after retries where retryable). */
  fetch(url: string, init?: FetchInit): Promise<FetchResult>;
}

export interface ScrapeContext {
  /** Board token or URL, as stored on the Source. */
  token: string;
  /** The Source's company name, for boards whose payload carries none (pass it on to parse). */
  companyName?: string;
  fetcher: Fetcher;
  /** Bound on listing pages / followed links. */
  maxPages: number;
  onProgress?: (progress: { pages: number; postings: number }) => void;
}

export type ScrapeOutcome =
  | { unchanged: false; postings: RawPosting[]; pages: number }
  /** Every listing request answered 304: nothing changed since the last run. */
  | { unchanged: true; pages: number };

export interface BoardScraper {
  kind: SourceKind;
  terms: SourceTerms;
  /** Pure: one saved payload of this board in, raw postings out. Throws PayloadError. */
  parse(payload: string, context: ParseContext): RawPosting[];
  /** Fetch the whole board (pagination, detail pages) and parse it. */
  scrape(context: ScrapeContext): Promise<ScrapeOutcome>;
  /** Check and canonicalize a token or URL given by a person (`sources add`). Throws on a bad one. */
  normalizeToken(input: string): string;
}
