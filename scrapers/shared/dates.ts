/**
 * ISO 8601 (UTC) from the date shapes boards send: epoch seconds or milliseconds, ISO with or
 * without offset, date only, Recruitee's "YYYY-MM-DD HH:MM:SS UTC", RFC 822. Undefined when unreadable.
 */
export function toIsoDate(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value <= 0) return undefined;
    // Epoch seconds stay below 1e11 until the year 5138; milliseconds are above it since 1973.
    return validIso(new Date(value < 1e11 ? value * 1000 : value));
  }
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return validIso(new Date(`${text}T00:00:00Z`));
  const utcSuffixed = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) UTC$/.exec(text);
  if (utcSuffixed) return validIso(new Date(`${utcSuffixed[1]}T${utcSuffixed[2]}Z`));
  // A timestamp without offset (Remotive) is read as UTC rather than as the server's local time.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) return validIso(new Date(`${text}Z`));
  return validIso(new Date(text));
}

function validIso(date: Date): string | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
