import { describe, expect, it } from "vitest";
import { evaluateRoles, formatFigure, parseLabeledRoles, type LabeledRole } from "@/lib/normalize/evaluation/role";

const labeled = (title: string, fit: boolean, family: LabeledRole["family"], level: LabeledRole["level"]): LabeledRole => ({ title, fit, family, level });

describe("parseLabeledRoles", () => {
  it("reads JSON lines and skips blank ones", () => {
    const jsonl = `${JSON.stringify(labeled("ML Engineer", true, "ml_engineering", "unknown"))}\n\n${JSON.stringify({ ...labeled("Data Scientist", false, "data_science", "unknown"), company: "Acme" })}\n`;
    expect(parseLabeledRoles(jsonl).map((example) => example.title)).toEqual(["ML Engineer", "Data Scientist"]);
  });

  it("names the line of a malformed example", () => {
    expect(() => parseLabeledRoles(`${JSON.stringify(labeled("ML Engineer", true, "ml_engineering", "unknown"))}\n{oops`)).toThrow(/line 2: not JSON/);
    expect(() => parseLabeledRoles(JSON.stringify({ title: "ML Engineer", fit: "yes", family: "ml_engineering", level: "senior" }))).toThrow(/line 1:.*fit/);
    expect(() => parseLabeledRoles(JSON.stringify({ ...labeled("ML Engineer", true, "ml_engineering", "senior"), level: "expert" }))).toThrow(/line 1:.*level/);
    expect(() => parseLabeledRoles("\n\n")).toThrow(/empty/);
  });
});

describe("evaluateRoles", () => {
  const examples = [
    labeled("Senior ML Engineer", true, "ml_engineering", "senior"),
    labeled("Staff ML Engineer", true, "ml_engineering", "staff"),
    // Deliberately mislabeled, so the figures and the misses have something to count.
    labeled("ML Recruiter", true, "ml_engineering", "senior"),
    labeled("Data Scientist", false, "data_science", "unknown"),
  ];

  it("computes fit precision, recall and F1 and family and level accuracy", () => {
    const figures = Object.fromEntries(evaluateRoles(examples).figures.map((figure) => [figure.name, figure.value]));
    expect(figures["fit precision"]).toBe(1);
    expect(figures["fit recall"]).toBeCloseTo(2 / 3);
    expect(figures["fit f1"]).toBeCloseTo(0.8);
    expect(figures["family accuracy"]).toBe(0.75);
    expect(figures["level accuracy"]).toBe(0.75);
  });

  it("lists each misclassified example with what was wrong", () => {
    const [miss] = evaluateRoles(examples).misclassified;
    expect(miss?.example.title).toBe("ML Recruiter");
    expect(miss?.wrong).toEqual(["fit", "family", "level"]);
    expect(miss?.predicted.reasons.length).toBeGreaterThan(0);
  });

  it("formats one figure per line against its goal", () => {
    expect(formatFigure({ name: "fit precision", value: 0.971, goal: 0.95 })).toBe("fit precision: 0.97 (goal: ≥ 0.95) ok");
    expect(formatFigure({ name: "level accuracy", value: 0.8, goal: 0.9 })).toBe("level accuracy: 0.80 (goal: ≥ 0.90) SHORT");
    expect(formatFigure({ name: "examples", value: 3, goal: null })).toBe("examples: 3.00");
  });
});
