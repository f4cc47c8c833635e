import { lookup as systemLookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { ScrapeError } from "@/scrapers/types";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Name → every address it resolves to. Injectable so tests can make a name point anywhere. */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

export interface AddressGuardOptions {
  /** Host names or IP literals reachable on any port even when private (env HTTP_ALLOW_PRIVATE_HOSTS; tests use "127.0.0.1"). */
  allowPrivateHosts?: readonly string[];
  /** Ports other hosts may use; 80 and 443 by default. */
  allowPorts?: readonly number[];
  resolveHost?: ResolveHost;
}

const DEFAULT_PORTS: readonly number[] = [80, 443];
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parse("2000::");
const NAT64_PREFIX = ipaddr.IPv6.parse("64:ff9b::");

export const resolveWithSystemDns: ResolveHost = async (hostname) => {
  const found = await systemLookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

/** The special range an address falls in ("loopback", "private", ...), or "public". */
export function addressRange(address: string): string {
  if (!ipaddr.isValid(address)) return "invalid";
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv4") {
    const range = parsed.range();
    return range === "unicast" ? "public" : range;
  }
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  // Addresses that embed an IPv4 one reach that IPv4 host, so they are as public as it is.
  if (range === "ipv4Mapped") return embeddedRange("IPv4-mapped", v6.toIPv4Address().toString());
  if (range === "rfc6052" && v6.match(NAT64_PREFIX, 96)) return embeddedRange("NAT64", lastIPv4Of(v6));
  if (range !== "unicast") return range;
  return v6.match(GLOBAL_UNICAST_V6, 3) ? "public" : "reserved";
}

export function isPublicAddress(address: string): boolean {
  return addressRange(address) === "public";
}

/**
 * Checks what can be known from the URL alone: scheme, port, and an IP literal host (the URL parser has
 * already turned spellings like 2130706433, 0177.0.0.1 or 0x7f.1 into 127.0.0.1). Names are checked when
 * resolved (see createGuardedLookup). Throws ScrapeError "fatal".
 */
export function checkUrlTarget(url: URL, options: AddressGuardOptions): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw refusal(url.href, `only http and https URLs are fetched, not ${url.protocol}`);
  }
  const host = normalizeHost(url.hostname);
  if (isAllowedPrivate(host, options)) return;
  const port = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
  if (!(options.allowPorts ?? DEFAULT_PORTS).includes(port)) {
    throw refusal(url.href, `port ${port} is not allowed (only ${(options.allowPorts ?? DEFAULT_PORTS).join(", ")})`);
  }
  if (isIP(host) !== 0) assertPublicAddresses(url.href, host, [host]);
}

/** For `sources add`: the URL's own checks plus every address its host resolves to now. */
export async function assertPublicUrl(input: string | URL, options: AddressGuardOptions = {}): Promise<URL> {
  let url: URL;
  try {
    url = new URL(input);
  } catch (error) {
    throw new ScrapeError(`Refusing ${String(input)}: not a valid URL`, "fatal", { cause: error });
  }
  checkUrlTarget(url, options);
  const host = normalizeHost(url.hostname);
  if (isIP(host) !== 0 || isAllowedPrivate(host, options)) return url;
  const addresses = await resolveOrFail(host, options.resolveHost ?? resolveWithSystemDns);
  assertPublicAddresses(url.href, host, addresses.map((found) => found.address));
  return url;
}

/**
 * A `lookup` for undici's connector: resolves, refuses non-public addresses, and hands the socket exactly
 * the addresses it checked, so DNS cannot answer differently between the check and the connect.
 */
export function createGuardedLookup(options: AddressGuardOptions): LookupFunction {
  const resolve = options.resolveHost ?? resolveWithSystemDns;
  return (hostname, lookupOptions, callback) => {
    const host = normalizeHost(hostname);
    resolveOrFail(host, resolve)
      .then((addresses) => {
        if (!isAllowedPrivate(host, options)) {
          assertPublicAddresses(host, host, addresses.map((found) => found.address));
        }
        const family = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : undefined;
        const usable = addresses.filter((found) => family === undefined || found.family === family);
        const first = usable[0];
        if (!first) throw new ScrapeError(`${host} has no IPv${family} address`, "retryable");
        if (lookupOptions.all) callback(null, usable);
        else callback(null, first.address, first.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, ""));
  };
}

function assertPublicAddresses(target: string, host: string, addresses: readonly string[]): void {
  for (const address of addresses) {
    const range = addressRange(address);
    if (range === "public") continue;
    const resolved = address === host ? address : `${host} resolves to ${address}, which`;
    throw refusal(
      target,
      `${resolved} is in the ${range} range, not a public address (add the host to HTTP_ALLOW_PRIVATE_HOSTS to allow it)`,
    );
  }
}

async function resolveOrFail(host: string, resolve: ResolveHost): Promise<ResolvedAddress[]> {
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ScrapeError(`Could not resolve ${host} (${code})`, "retryable", { cause: error });
  }
  if (addresses.length === 0) throw new ScrapeError(`Could not resolve ${host} (no addresses)`, "retryable");
  return addresses;
}

function embeddedRange(kind: string, ipv4: string): string {
  const range = addressRange(ipv4);
  return range === "public" ? "public" : `${kind} ${range}`;
}

function lastIPv4Of(v6: ipaddr.IPv6): string {
  const bytes = v6.toByteArray().slice(12);
  return bytes.join(".");
}

function isAllowedPrivate(host: string, options: AddressGuardOptions): boolean {
  return (options.allowPrivateHosts ?? []).some((allowed) => normalizeHost(allowed) === host);
}

/** Lower case, no IPv6 brackets, no trailing dot: the form host names are compared in. */
function normalizeHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
}

function refusal(target: string, reason: string): ScrapeError {
  return new ScrapeError(`Refusing ${target}: ${reason}`, "fatal");
}
