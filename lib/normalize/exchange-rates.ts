/**
 * Units of each currency that one US dollar bought, as of EXCHANGE_RATES_AS_OF.
 *
 * Source: European Central Bank euro foreign exchange reference rates for 2025-06-30,
 * cross-converted to USD through that day's EUR/USD reference rate (1.1720), rounded to four
 * significant figures. Currencies the ECB does not publish (AED, ARS, CLP, COP, EGP, KES, NGN,
 * PEN, PKR, SAR, TWD, UAH, VND) use that day's central-bank or market mid rate, same rounding;
 * the Gulf currencies (AED, BHD, JOD, OMR, QAR, SAR) are their fixed US-dollar pegs.
 * Kept in the repo on purpose: normalization is pure and must give the same USD figures on
 * every machine; refresh the whole table and the date together.
 */
export const EXCHANGE_RATES_AS_OF = "2025-06-30";

export const UNITS_PER_USD: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 0.8532,
  GBP: 0.7299,
  CHF: 0.7975,
  CAD: 1.368,
  AUD: 1.531,
  NZD: 1.647,
  SGD: 1.275,
  HKD: 7.85,
  JPY: 144.3,
  CNY: 7.165,
  KRW: 1358,
  TWD: 29.2,
  INR: 85.8,
  PKR: 283.8,
  IDR: 16240,
  MYR: 4.215,
  PHP: 56.4,
  THB: 32.51,
  VND: 26100,
  SEK: 9.514,
  NOK: 10.1,
  DKK: 6.366,
  ISK: 121.8,
  PLN: 3.62,
  CZK: 21.1,
  HUF: 340.4,
  RON: 4.332,
  BGN: 1.669,
  TRY: 39.76,
  UAH: 41.7,
  ILS: 3.37,
  AED: 3.673,
  SAR: 3.75,
  QAR: 3.64,
  BHD: 0.376,
  OMR: 0.3845,
  JOD: 0.709,
  EGP: 49.6,
  ZAR: 17.76,
  NGN: 1530,
  KES: 129.2,
  BRL: 5.494,
  MXN: 18.85,
  ARS: 1190,
  CLP: 935,
  COP: 4080,
  PEN: 3.55,
};

/** null when the table has no rate for the currency. */
export function toUsd(amount: number, currency: string): number | null {
  const rate = UNITS_PER_USD[currency];
  return rate === undefined ? null : amount / rate;
}

export function isKnownCurrency(code: string): boolean {
  return Object.hasOwn(UNITS_PER_USD, code);
}
