import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * test-results/resilience-summary.json: what `npm run test:resilience` survived, one entry per
 * scenario, written by the scenario's test whether it passed or not (before its assertions), and
 * read by `npm run bench -- resilience` to print the table. The file is a JSON array of
 * ResilienceFigures; a scenario run again replaces its own entry and leaves the others alone.
 *
 *   [{ "scenario": "http-faults", "runs": 4, "faultsInjected": 27, "survived": true, "lost": 0,
 *      "duplicates": 0, "notes": "healthy sources' time with faults / without: 1.02 (medians of 3)" }]
 */
export interface ResilienceFigures {
  /** Stable name: "http-faults", "smtp-faults", "worker-sigkill", "postgres-restart". */
  scenario: string;
  /** Scrape rounds, delivery passes or worker processes: what the scenario repeats. */
  runs: number;
  /** Faults put in the way (fault answers served, SMTP rejections, kills, server restarts). */
  faultsInjected: number;
  /** Every assertion of the scenario held. */
  survived: boolean;
  /** Things that should exist afterwards and do not (postings wrongly closed, alerts never delivered, jobs given up). */
  lost: number;
  /**
   * Things that exist twice against the design (duplicate postings, an alert Message-ID received twice).
   * The one resend the design allows, a copy of an alert after a kill that fell between the SMTP server
   * accepting it and our commit (same Message-ID), is not counted here; the scenario's notes give it.
   */
  duplicates: number;
  /** One line: the figure behind the verdict (a ratio, the reasons seen, the allowance used). */
  notes: string;
}

export const SUMMARY_FILE = path.resolve(process.cwd(), "test-results/resilience-summary.json");

export function readResilienceSummary(file = SUMMARY_FILE): ResilienceFigures[] {
  if (!existsSync(file)) return [];
  const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
  return Array.isArray(parsed) ? (parsed as ResilienceFigures[]) : [];
}

export function recordResilience(figures: ResilienceFigures, file = SUMMARY_FILE): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const others = readResilienceSummary(file).filter((entry) => entry.scenario !== figures.scenario);
  writeFileSync(file, `${JSON.stringify([...others, figures], null, 2)}\n`);
  console.log(`resilience: ${JSON.stringify(figures)}`);
}
