import { request, type Dispatcher } from "undici";
import { ScrapeError } from "@/scrapers/types";
import { BodyError, readBody } from "./body";

export interface HopRequest {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
}

/** One HTTP exchange, redirects not followed. `body` is read only for 2xx answers. */
export interface HopResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface TransportLimits {
  totalTimeoutMs: number;
  maxBodyBytes: number;
}

/**
 * Sends one request and reads its answer within `totalTimeoutMs` (a host that drip-feeds bytes is cut off).
 * Failures become ScrapeErrors: network and timeouts retryable, oversized bodies permanent, address-guard
 * refusals (thrown by the connector's lookup) passed through as they are.
 */
export async function sendOnce(
  dispatcher: Dispatcher,
  url: URL,
  hop: HopRequest,
  limits: TransportLimits,
): Promise<HopResponse> {
  const label = `${hop.method} ${url.href}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.totalTimeoutMs);
  try {
    const response = await request(url, {
      method: hop.method,
      headers: hop.headers,
      body: hop.body,
      dispatcher,
      signal: controller.signal,
    });
    const headers = flattenHeaders(response.headers);
    if (response.statusCode < 200 || response.statusCode > 299) {
      await response.body.dump();
      return { status: response.statusCode, headers, body: "" };
    }
    if (Number(headers["content-length"]) > limits.maxBodyBytes) {
      // A limit below the declared length makes dump() drop the connection instead of reading the body.
      await response.body.dump({ limit: 1 });
      throw new BodyError(`body is larger than ${limits.maxBodyBytes} bytes (content-length ${headers["content-length"]})`, false);
    }
    const body = await readBody(
      response.body,
      { contentEncoding: headers["content-encoding"], contentType: headers["content-type"] },
      limits.maxBodyBytes,
    );
    return { status: response.statusCode, headers, body };
  } catch (error) {
    throw transportFailure(error, label, controller.signal.aborted, limits.totalTimeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

function transportFailure(error: unknown, label: string, timedOut: boolean, totalTimeoutMs: number): ScrapeError {
  if (error instanceof ScrapeError) return error;
  if (timedOut) {
    return new ScrapeError(`${label}: no complete response within ${totalTimeoutMs} ms`, "retryable", { cause: error });
  }
  if (error instanceof BodyError) {
    return new ScrapeError(`${label}: ${error.message}`, error.retryable ? "retryable" : "permanent", { cause: error });
  }
  const code = (error as NodeJS.ErrnoException).code;
  const detail = error instanceof Error ? error.message : String(error);
  return new ScrapeError(`${label}: network error${code ? ` ${code}` : ""} (${detail})`, "retryable", {
    cause: error,
  });
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}
