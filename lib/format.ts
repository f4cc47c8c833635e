const compactUsd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 0 });

/** "$180K – $240K" from normalized annual USD; null when the posting states no salary. */
export function formatSalaryUsd(min: number | null, max: number | null): string | null {
  if (min === null && max === null) return null;
  if (min !== null && max !== null && min !== max) return `${compactUsd.format(min)} – ${compactUsd.format(max)}`;
  return compactUsd.format((min ?? max)!);
}

/** A salary band's median and middle half, "$213K ($200K–$224K)"; just the median when the half rounds to one figure. */
export function formatSalaryBand(band: { p25: number; median: number; p75: number }): string {
  const [low, median, high] = [band.p25, band.median, band.p75].map((value) => compactUsd.format(value));
  return low === high ? median! : `${median} (${low}–${high})`;
}

/** The salary as the posting wrote it, in its own currency and interval. */
export function formatSalaryAsWritten(
  min: number | null,
  max: number | null,
  currency: string | null,
  interval: string | null,
): string | null {
  if ((min === null && max === null) || !currency) return null;
  let money: Intl.NumberFormat;
  try {
    money = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 });
  } catch {
    money = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
  }
  const range = min !== null && max !== null && min !== max ? `${money.format(min)} – ${money.format(max)}` : money.format((min ?? max)!);
  return interval ? `${range} per ${interval}` : range;
}

/** "today", "3 days ago", "2 months ago". */
export function formatAge(date: Date, now = new Date()): string {
  const days = Math.floor((now.getTime() - date.getTime()) / 86_400_000);
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 30) return `${days} days ago`;
  const months = Math.floor(days / 30);
  return months === 1 ? "1 month ago" : `${months} months ago`;
}

/** A UTC offset in minutes as people write it: 60 → "UTC+1", -480 → "UTC−8", 330 → "UTC+5:30". */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "−" : "+";
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return minutes === 0 ? "UTC" : `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, "0")}` : ""}`;
}

/** A posting's stated working hours as a span of offsets: "UTC−8 to UTC−5", or one offset. */
export function formatOffsetRange(min: number, max: number): string {
  return min === max ? formatOffset(min) : `${formatOffset(min)} to ${formatOffset(max)}`;
}

export function formatCount(count: number, capped = false): string {
  return `${count.toLocaleString("en-US")}${capped ? "+" : ""}`;
}

/** A count with its noun in the right number: "1 posting", "2 postings", "10,000+ postings". */
export function formatCountOf(count: number, singular: string, plural: string, capped = false): string {
  return `${formatCount(count, capped)} ${count === 1 && !capped ? singular : plural}`;
}

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

export function postingPath(posting: { id: number; title: string; companyName: string }): string {
  // A title and company in a script slugify drops entirely still get a slug segment, or the path would end in "/".
  return `/jobs/${posting.id}/${slugify(`${posting.title} ${posting.companyName}`) || "posting"}`;
}

/** Text shown as HTML (an Atom type="html" field, a paragraph we build): markup in it stays text. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
