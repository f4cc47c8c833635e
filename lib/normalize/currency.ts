import { isKnownCurrency } from "@/lib/normalize/exchange-rates";

/**
 * A currency marker as written next to an amount. "$" and "kr" name a family, not a currency:
 * which one is decided from the rest of the text (see resolveCurrency).
 */
export type CurrencyMarker = { code: string } | { family: "dollar" | "krone" | "yen" };

/** Symbols and words, longest first so "CA$" wins over "$" and "A$". */
const MARKERS: readonly (readonly [string, CurrencyMarker])[] = [
  ["US$", { code: "USD" }],
  ["USD$", { code: "USD" }],
  ["CA$", { code: "CAD" }],
  ["CAN$", { code: "CAD" }],
  ["CDN$", { code: "CAD" }],
  ["C$", { code: "CAD" }],
  ["AU$", { code: "AUD" }],
  ["AUD$", { code: "AUD" }],
  ["A$", { code: "AUD" }],
  ["NZ$", { code: "NZD" }],
  ["S$", { code: "SGD" }],
  ["SG$", { code: "SGD" }],
  ["HK$", { code: "HKD" }],
  ["NT$", { code: "TWD" }],
  ["MX$", { code: "MXN" }],
  ["R$", { code: "BRL" }],
  ["$", { family: "dollar" }],
  ["€", { code: "EUR" }],
  ["£", { code: "GBP" }],
  ["₹", { code: "INR" }],
  ["Rs.", { code: "INR" }],
  ["Rs", { code: "INR" }],
  ["¥", { family: "yen" }],
  ["円", { code: "JPY" }],
  ["元", { code: "CNY" }],
  ["RMB", { code: "CNY" }],
  ["₩", { code: "KRW" }],
  ["원", { code: "KRW" }],
  ["₪", { code: "ILS" }],
  ["NIS", { code: "ILS" }],
  ["₺", { code: "TRY" }],
  ["zł", { code: "PLN" }],
  ["Kč", { code: "CZK" }],
  ["SFr.", { code: "CHF" }],
  ["Fr.", { code: "CHF" }],
  ["kr.", { family: "krone" }],
  ["kr", { family: "krone" }],
  ["dollars", { family: "dollar" }],
  ["dollar", { family: "dollar" }],
  ["euros", { code: "EUR" }],
  ["euro", { code: "EUR" }],
  ["pounds", { code: "GBP" }],
  ["pound", { code: "GBP" }],
  ["rupees", { code: "INR" }],
  ["yen", { code: "JPY" }],
];

const MARKER_BY_TEXT = new Map(MARKERS.map(([text, marker]) => [text.toLowerCase(), marker]));

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function markerPattern(text: string): string {
  const escaped = escapeRegExp(text);
  if (!/^[A-Za-z]/.test(text)) return escaped;
  // Words match in any case ("Euros"); letters-only markers must stand alone ("kr" is not in "krone").
  const anyCase = /^[a-z]+$/.test(text) ? `[${text[0]}${text[0]?.toUpperCase()}]${escaped.slice(1)}` : escaped;
  return `(?<![A-Za-z])${anyCase}(?![A-Za-z])`;
}

/** Matches one currency marker: a symbol, a word, or three capitals (checked by currencyMarker). */
export const CURRENCY_PATTERN = `(?:${MARKERS.map(([text]) => markerPattern(text)).join("|")}|(?<![A-Za-z])[A-Z]{3}(?![A-Za-z]))`;

/** The marker for matched currency text, or null for three capitals that are not a currency. */
export function currencyMarker(text: string): CurrencyMarker | null {
  if (/^[A-Z]{3}$/.test(text) && isKnownCurrency(text)) return { code: text };
  return MARKER_BY_TEXT.get(text.toLowerCase()) ?? null;
}

/** Other dollars a text can name; "$" means USD unless exactly one of these is named. */
const DOLLAR_CODES: readonly (readonly [RegExp, string])[] = [
  [/(?<![A-Za-z])(?:CAD(?![A-Za-z])|CA\$|C\$|CAN\$|CDN\$?)|[Cc]anadian [Dd]ollars?/, "CAD"],
  [/(?<![A-Za-z])(?:AUD(?![A-Za-z])|AU\$|A\$)|[Aa]ustralian [Dd]ollars?/, "AUD"],
  [/(?<![A-Za-z])(?:NZD(?![A-Za-z])|NZ\$)|[Nn]ew [Zz]ealand [Dd]ollars?/, "NZD"],
  [/(?<![A-Za-z])(?:SGD(?![A-Za-z])|SG?\$)|[Ss]ingapore [Dd]ollars?/, "SGD"],
  [/(?<![A-Za-z])(?:HKD(?![A-Za-z])|HK\$)|[Hh]ong [Kk]ong [Dd]ollars?/, "HKD"],
  [/(?<![A-Za-z])(?:TWD(?![A-Za-z])|NT\$)/, "TWD"],
  [/(?<![A-Za-z])(?:MXN(?![A-Za-z])|MX\$)|[Mm]exican [Pp]esos?/, "MXN"],
];
const NAMES_USD = /(?<![A-Za-z])(?:USD(?![A-Za-z])|US\$)|\bU\.?S\.? [Dd]ollars?/;

const KRONE_HINTS: readonly (readonly [RegExp, string])[] = [
  [/(?<![A-Za-z])SEK(?![A-Za-z])|swed|stockholm|göteborg|gothenburg|malmö|kronor/i, "SEK"],
  [/(?<![A-Za-z])NOK(?![A-Za-z])|norw|oslo|bergen|trondheim/i, "NOK"],
  [/(?<![A-Za-z])DKK(?![A-Za-z])|denmark|danish|copenhagen|københavn|aarhus/i, "DKK"],
  [/(?<![A-Za-z])ISK(?![A-Za-z])|iceland|reykjav/i, "ISK"],
];
const KRONE_COUNTRIES: Readonly<Record<string, string>> = { SE: "SEK", NO: "NOK", DK: "DKK", IS: "ISK" };

export interface CurrencyContext {
  /** ISO countries of the posting, used only where the text itself cannot decide ("kr", "¥"). */
  countries?: readonly string[];
}

/** One currency for a family marker, or null when the text does not settle it. */
export function resolveCurrency(marker: CurrencyMarker, text: string, context: CurrencyContext = {}): string | null {
  if ("code" in marker) return marker.code;
  if (marker.family === "dollar") {
    const named = DOLLAR_CODES.filter(([pattern]) => pattern.test(text)).map(([, code]) => code);
    if (named.length === 0) return "USD";
    if (named.length === 1 && !NAMES_USD.test(text)) return named[0] ?? null;
    return null;
  }
  if (marker.family === "yen") {
    if (/(?<![A-Za-z])(?:CNY|RMB)(?![A-Za-z])|yuan|renminbi|元/i.test(text)) return "CNY";
    return context.countries?.includes("CN") ? "CNY" : "JPY";
  }
  const hinted = new Set(KRONE_HINTS.filter(([pattern]) => pattern.test(text)).map(([, code]) => code));
  if (hinted.size === 0) for (const country of context.countries ?? []) if (KRONE_COUNTRIES[country]) hinted.add(KRONE_COUNTRIES[country]);
  return hinted.size === 1 ? ([...hinted][0] ?? null) : null;
}
