import { formatSalaryUsd } from "@/lib/format";
import { salaryRangeUsd } from "@/lib/search/posting-groups";

export interface SalaryFields {
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  salaryInterval: string | null;
  salaryMinUsd: number | null;
  salaryMaxUsd: number | null;
}

const PER: Record<string, string> = { hour: "an hour", day: "a day", week: "a week", month: "a month", year: "a year" };

// One formatter per currency: building one costs about 60 µs, formatting with it about 1 µs, and a
// listing page formats up to 100 amounts.
const formatters = new Map<string, Intl.NumberFormat | null>();
const plain = new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: 3 });

/** "€100K", "₹4.5M", "$85": three significant digits keep an hourly rate or a lakh figure exact enough. */
function compact(amount: number, currency: string): string {
  let money = formatters.get(currency);
  if (money === undefined) {
    try {
      money = new Intl.NumberFormat("en-US", { style: "currency", currency, notation: "compact", maximumSignificantDigits: 3 });
    } catch {
      money = null;
    }
    formatters.set(currency, money);
  }
  // A code Intl refuses (not three letters) is still shown as the posting stored it.
  return money ? money.format(amount) : `${currency} ${plain.format(amount)}`;
}

/** The range the postings state in their own terms, when they share one currency and interval. */
function writtenRange(postings: readonly SalaryFields[]): { text: string; currency: string; interval: string } | null {
  const stated = postings.filter((p) => p.salaryCurrency && (p.salaryMin !== null || p.salaryMax !== null));
  const first = stated[0];
  if (!first || stated.some((p) => p.salaryCurrency !== first.salaryCurrency || p.salaryInterval !== first.salaryInterval)) return null;
  const currency = first.salaryCurrency!;
  const interval = first.salaryInterval ?? "year";
  const amounts = stated.flatMap((p) => [p.salaryMin, p.salaryMax]).filter((n): n is number => n !== null);
  const [min, max] = [Math.min(...amounts), Math.max(...amounts)];
  const range = min === max ? compact(min, currency) : `${compact(min, currency)} – ${compact(max, currency)}`;
  return { text: interval === "year" ? range : `${range} ${PER[interval] ?? `per ${interval}`}`, currency, interval };
}

/**
 * A role's salary on a card, in a feed or an email. Annual USD is what the filters and sort use, so
 * it is always there; a posting that pays in another currency or by the hour or month is shown as
 * it says first, since that is the figure its readers know: "€100K – €130K (≈ $108K – $140K)",
 * "$85 – $110 an hour (≈ $177K – $229K a year)".
 */
export function roleSalary(postings: readonly SalaryFields[]): string | null {
  const usdRange = salaryRangeUsd(postings);
  const usd = formatSalaryUsd(usdRange.min, usdRange.max);
  // Cities that pay in different currencies (London and New York) share only the USD figure.
  const written = writtenRange(postings);
  if (!written) return usd;
  if (written.currency === "USD" && written.interval === "year") return usd ?? written.text;
  if (!usd) return written.text;
  return `${written.text} (≈ ${usd}${written.interval === "year" ? "" : " a year"})`;
}
