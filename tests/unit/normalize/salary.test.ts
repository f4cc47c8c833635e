import { describe, expect, it } from "vitest";
import { EXCHANGE_RATES_AS_OF, UNITS_PER_USD } from "@/lib/normalize/exchange-rates";
import { parseSalary, parseSalaryInterval, salaryFromDescription, salaryFromStructured } from "@/lib/normalize/salary";

function brief(text: string, countries?: string[]) {
  const salary = parseSalary(text, { countries });
  return salary && { min: salary.min, max: salary.max, currency: salary.currency, interval: salary.interval };
}

describe("parseSalary: the written forms", () => {
  it.each([
    ["$180,000 – $240,000", 180_000, 240_000, "USD", "year"],
    ["180-240K USD", 180_000, 240_000, "USD", "year"],
    ["€90k–110k", 90_000, 110_000, "EUR", "year"],
    ["£120,000 per annum", 120_000, 120_000, "GBP", "year"],
    ["$95/hr", 95, 95, "USD", "hour"],
    ["OTE $25k - $35k", 25_000, 35_000, "USD", "year"],
    ["CA$150,000", 150_000, 150_000, "CAD", "year"],
    ["USD 200k+", 200_000, null, "USD", "year"],
    ["up to $250k", null, 250_000, "USD", "year"],
    ["₹40 LPA", 4_000_000, 4_000_000, "INR", "year"],
    ["CHF 150'000", 150_000, 150_000, "CHF", "year"],
    ["150.000 € brutto/Jahr", 150_000, 150_000, "EUR", "year"],
    ["$12,000/month", 12_000, 12_000, "USD", "month"],
    ["$31,2k- $52k", 31_200, 52_000, "USD", "year"],
    ["$211.4K – $290.6K • Offers Equity", 211_400, 290_600, "USD", "year"],
    ["₹25,00,000 - ₹35,00,000 per annum", 2_500_000, 3_500_000, "INR", "year"],
    ["$25/hr - $35/hr", 25, 35, "USD", "hour"],
    ["£500-£600 per day", 500, 600, "GBP", "day"],
    ["$2,500/week", 2_500, 2_500, "USD", "week"],
    ["€4.000 - €5.000 brutto/Monat", 4_000, 5_000, "EUR", "month"],
    ["Salary (EUR): 80,000 - 100,000", 80_000, 100_000, "EUR", "year"],
    ["年収 800万円〜1200万円", 8_000_000, 12_000_000, "JPY", "year"],
    ["R$ 18.000 a R$ 25.000 por mês", 18_000, 25_000, "BRL", "month"],
    ["50 000 à 60 000 € par an", 50_000, 60_000, "EUR", "year"],
    ["$100k a year", 100_000, 100_000, "USD", "year"],
    ["entre 40 000 et 50 000 € par an", 40_000, 50_000, "EUR", "year"],
    ["zwischen 70.000 und 90.000 € pro Jahr", 70_000, 90_000, "EUR", "year"],
    ["od 15 000 do 22 000 zł brutto miesięcznie", 15_000, 22_000, "PLN", "month"],
    ["€ 55.000 tot € 70.000 per jaar", 55_000, 70_000, "EUR", "year"],
    ["€4.000 - €5.200 bruto per maand", 4_000, 5_200, "EUR", "month"],
    ["3 200 € à 3 800 € brut mensuel", 3_200, 3_800, "EUR", "month"],
    ["SEK 45 000 – 55 000 per månad", 45_000, 55_000, "SEK", "month"],
    ["DKK 45.000 - 55.000 pr. måned", 45_000, 55_000, "DKK", "month"],
    ["月給 30万円～45万円", 300_000, 450_000, "JPY", "month"],
    ["PLN 25 000 - 32 000 net (B2B) per month", 25_000, 32_000, "PLN", "month"],
    // "and" in other languages joins a range only after "between": these are one amount and something else.
    ["$150,000 y 2 semanas de vacaciones", 150_000, 150_000, "USD", "year"],
    ["NOK 700 000 og 25 feriedager", 700_000, 700_000, "NOK", "year"],
  ])("%s", (text, min, max, currency, interval) => {
    expect(brief(text)).toEqual({ min, max, currency, interval });
  });

  it("normalizes to annual USD with the dated rate table (hour ×2080, month ×12)", () => {
    expect(parseSalary("$95/hr")).toMatchObject({ annualUsdMin: 197_600, annualUsdMax: 197_600 });
    expect(parseSalary("$12,000/month")).toMatchObject({ annualUsdMin: 144_000 });
    const euros = parseSalary("€100k");
    expect(euros?.annualUsdMin).toBe(Math.round(100_000 / (UNITS_PER_USD.EUR ?? 1)));
    expect(Number.isInteger(euros?.annualUsdMin)).toBe(true);
    expect(EXCHANGE_RATES_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("keeps the text it read", () => {
    expect(parseSalary("  $150k base ")?.text).toBe("$150k base");
  });
});

describe("parseSalary: ambiguity gives nothing rather than something wrong", () => {
  it.each([
    "competitive",
    "$75",
    "$50-$75",
    "75",
    "0.1% - 0.5% equity",
    "401k",
    "401(k) with 4% match",
    "Founded in 2015, team of 50",
    "We raised $50M in Series B",
    "$20k signing bonus",
    "Bonus: up to $30k",
    "175-235k + equity",
    "$75 / year",
    "USD 5,000",
  ])("%s → null", (text) => {
    expect(parseSalary(text)).toBeNull();
  });

  it("takes the base, not the bonus, when both are given", () => {
    expect(brief("$150k base + $30k bonus")).toMatchObject({ min: 150_000, max: 150_000 });
    expect(brief("$120,000 plus a $10,000 signing bonus")).toMatchObject({ min: 120_000, max: 120_000 });
    expect(brief("OTE $200k ($120k base)")).toMatchObject({ min: 120_000, max: 120_000 });
  });
});

describe("parseSalary: currency is never guessed", () => {
  it("reads $ as US dollars unless the text names another dollar", () => {
    expect(brief("$150k")?.currency).toBe("USD");
    expect(brief("$120-$130k CAD")?.currency).toBe("CAD");
    expect(brief("$150,000 (Canadian dollars)")?.currency).toBe("CAD");
    expect(brief("$150k AUD")?.currency).toBe("AUD");
    expect(brief("A$150k")?.currency).toBe("AUD");
    expect(brief("S$8,000 per month")?.currency).toBe("SGD");
  });

  it("gives nothing when the markers disagree", () => {
    expect(parseSalary("$100k EUR")).toBeNull();
  });

  it("reads kr only with context from the text or the posting's country", () => {
    expect(parseSalary("50 000 - 60 000 kr per month")).toBeNull();
    expect(brief("50 000 - 60 000 kr per month, Stockholm")?.currency).toBe("SEK");
    expect(brief("50 000 - 60 000 kr per month", ["NO"])?.currency).toBe("NOK");
    expect(brief("SEK 50 000 per month")?.currency).toBe("SEK");
  });

  it("does not read currency codes inside words", () => {
    expect(brief("$150k, includes an audit budget")?.currency).toBe("USD");
  });
});

describe("salaryFromStructured", () => {
  it("reads Lever's and Ashby's intervals", () => {
    expect(salaryFromStructured({ min: 150_000, max: 180_000, currency: "USD", interval: "per-year-salary" })).toMatchObject({
      min: 150_000,
      max: 180_000,
      currency: "USD",
      interval: "year",
      annualUsdMin: 150_000,
      annualUsdMax: 180_000,
    });
    expect(salaryFromStructured({ min: 60, max: 80, currency: "USD", interval: "per-hour-wage" })?.interval).toBe("hour");
    expect(salaryFromStructured({ min: 211_400, max: 290_600, currency: "USD", interval: "1 YEAR" })?.interval).toBe("year");
    expect(salaryFromStructured({ min: 5_000, max: 6_000, currency: "EUR", interval: "month" })?.interval).toBe("month");
  });

  it("rejects implausible amounts, unknown units and missing currency", () => {
    expect(salaryFromStructured({ min: 75, max: 95, currency: "USD", interval: "year" })).toBeNull();
    expect(salaryFromStructured({ min: 10_000, max: 125_000, currency: "USD", interval: "per-year-salary" })).toBeNull();
    expect(salaryFromStructured({ min: 100_000, currency: "USD", interval: "NONE" })).toBeNull();
    expect(salaryFromStructured({ min: 100_000, max: 120_000 })).toBeNull();
    expect(salaryFromStructured({ min: 100_000, currency: "XYZ" })).toBeNull();
    expect(salaryFromStructured(undefined)).toBeNull();
  });

  it("treats 0 as not given and infers a year only from salary-sized amounts", () => {
    expect(salaryFromStructured({ min: 0, max: 0, currency: "USD" })).toBeNull();
    expect(salaryFromStructured({ min: 0, max: 150_000, currency: "USD" })).toMatchObject({ min: null, max: 150_000, interval: "year" });
    expect(salaryFromStructured({ min: 50, max: 70, currency: "USD" })).toBeNull();
  });
});

describe("parseSalaryInterval", () => {
  it.each([
    ["per-year-salary", "year"],
    ["per-hour-wage", "hour"],
    ["per-month-salary", "month"],
    ["1 YEAR", "year"],
    ["HOUR", "hour"],
    ["WEEK", "week"],
    ["DAY", "day"],
    ["NONE", null],
  ])("%s → %s", (value, interval) => {
    expect(parseSalaryInterval(value)).toBe(interval);
  });
});

describe("salaryFromDescription", () => {
  it("reads a clear pay-range sentence", () => {
    const text = "You will build models.\nThe annual base salary range for this position is $108,400 - $129,600 USD.\nWe offer equity.";
    expect(salaryFromDescription(text)).toMatchObject({ min: 108_400, max: 129_600, currency: "USD", interval: "year" });
  });

  it("reads a range under a short pay heading", () => {
    expect(salaryFromDescription("United States Salary Range\n$108,400—$129,600 USD\nThe pay range is determined by location.")).toMatchObject({
      min: 108_400,
      max: 129_600,
      currency: "USD",
    });
  });

  it("ignores stray figures and single amounts", () => {
    expect(salaryFromDescription("We raised $120M from top investors. Our team of 80 serves 2,000 customers.")).toBeNull();
    expect(salaryFromDescription("Benefits include a $2,000 learning budget and a 401(k) match.")).toBeNull();
    expect(salaryFromDescription("Salary: $150,000.")).toBeNull();
  });
});
