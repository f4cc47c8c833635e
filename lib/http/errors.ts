import { ScrapeError, type FailureKind } from "@/scrapers/types";

/** A response whose status ended the request; scrapers may read `status` (e.g. 404 = posting gone). */
export class HttpStatusError extends ScrapeError {
  constructor(
    message: string,
    kind: FailureKind,
    readonly status: number,
    readonly url: string,
  ) {
    super(message, kind);
    this.name = "HttpStatusError";
  }
}
