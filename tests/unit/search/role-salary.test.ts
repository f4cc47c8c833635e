import { describe, expect, it } from "vitest";
import { roleSalary, type SalaryFields } from "@/lib/search/role-salary";

const pay = (min: number | null, max: number | null, currency: string | null, interval: string | null, usd: [number | null, number | null]): SalaryFields => ({
  salaryMin: min,
  salaryMax: max,
  salaryCurrency: currency,
  salaryInterval: interval,
  salaryMinUsd: usd[0],
  salaryMaxUsd: usd[1],
});

describe("roleSalary", () => {
  it("shows an annual USD salary once", () => {
    expect(roleSalary([pay(180_000, 240_000, "USD", "year", [180_000, 240_000])])).toBe("$180K – $240K");
  });

  it("shows another currency as written, with the annual USD beside it", () => {
    expect(roleSalary([pay(100_000, 130_000, "EUR", "year", [108_000, 140_000])])).toBe("€100K – €130K (≈ $108K – $140K)");
    expect(roleSalary([pay(4_500_000, null, "INR", "year", [54_000, null])])).toBe("₹4.5M (≈ $54K)");
  });

  it("shows an hourly or monthly rate as written, with the year it comes to", () => {
    expect(roleSalary([pay(85, 110, "USD", "hour", [176_800, 228_800])])).toBe("$85 – $110 an hour (≈ $177K – $229K a year)");
    expect(roleSalary([pay(8_000, 8_000, "EUR", "month", [104_000, 104_000])])).toBe("€8K a month (≈ $104K a year)");
  });

  it("spans a role's cities when they pay in one currency, and falls back to USD when they do not", () => {
    const paris = pay(90_000, 110_000, "EUR", "year", [97_000, 119_000]);
    const berlin = pay(95_000, 125_000, "EUR", "year", [103_000, 135_000]);
    expect(roleSalary([paris, berlin])).toBe("€90K – €125K (≈ $97K – $135K)");
    const newYork = pay(200_000, 260_000, "USD", "year", [200_000, 260_000]);
    expect(roleSalary([paris, newYork])).toBe("$97K – $260K");
  });

  it("leaves out cities that state no salary, and shows what is written when there is no USD figure", () => {
    const none = pay(null, null, null, null, [null, null]);
    expect(roleSalary([none, pay(100_000, 130_000, "EUR", "year", [108_000, 140_000])])).toBe("€100K – €130K (≈ $108K – $140K)");
    expect(roleSalary([pay(900_000, null, "XTS", "year", [null, null])])).toBe("XTS\u00a0900K");
    expect(roleSalary([pay(900_000, null, "EURO", "year", [null, null])])).toBe("EURO 900K");
    expect(roleSalary([none])).toBeNull();
  });
});
