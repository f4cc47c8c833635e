/**
 * The polite HTTP client every scraper fetches through.
 *
 * One client per process (the worker or the CLI), so per-host spacing and the robots.txt cache are shared:
 *   const http = createHttpClient({ contactUrl: env().CONTACT_URL, allowPrivateHosts: env().HTTP_ALLOW_PRIVATE_HOSTS,
 *     hosts: { "boards-api.greenhouse.io": { minIntervalMs: 500, checkRobots: false } } });
 * One fetcher per scrape run, seeded with the source's stored validators:
 *   const fetcher = http.fetcherFor({ validators: validatorMapSchema.catch({}).parse(source.httpValidators), log });
 *   const outcome = await scraper.scrape({ token, fetcher, maxPages });
 *   // on success: ScrapeRun.requestCount/notModifiedCount ← fetcher.stats(); Source.httpValidators ← fetcher.validators()
 * Every failure is a ScrapeError (HttpStatusError when a status decided it) with kind retryable/permanent/fatal.
 */
export {
  createHttpClient,
  type FetchStats,
  type HostPolicy,
  type HttpClient,
  type HttpClientOptions,
  type HttpLog,
  type RunFetcher,
} from "./client";
export {
  addressRange,
  assertPublicUrl,
  isPublicAddress,
  type AddressGuardOptions,
  type ResolveHost,
  type ResolvedAddress,
} from "./address-guard";
export { HttpStatusError } from "./errors";
export { systemClock, type Clock } from "./clock";
export { validatorMapSchema, type UrlValidators, type ValidatorMap } from "./validators";
