import type { EmploymentType } from "@/lib/normalize/types";

const INTERNSHIP = /\binterns?(?:hips?)?\b|\bpraktikum\b|\bpraktikant|\bwerkstudent|\bworking student\b|\bapprentice(?:ship)?\b|\bco op\b/;
const CONTRACT = /\bcontract(?:or|ors|ing)?\b|\bfreelance(?:r)?\b|\b1099\b|\bc2h\b|\bb2b\b|\bcontract to hire\b/;
const TEMPORARY = /\btemp(?:orary)?\b|\bseasonal\b|\bfixed term\b|\bbefristet\b|\bcdd\b|\binterim\b/;
const PART_TIME = /\bpart ?time\b|\bteilzeit\b|\bmini ?job\b/;
const FULL_TIME = /\bfull ?time\b|^full$|\bpermanent\b|\bregular\b|\bvollzeit\b|\bunbefristet\b|\bcdi\b|\bsalaried\b/;

/**
 * Employment type from a board's value or free text: "FullTime", "Full-time", "full",
 * "fulltime_permanent", "Permanent", "Intern", "Contractor", "CONTRACT (1099)". The most specific
 * wins (an internship or a contract can also be full-time); "full-time or part-time" is full-time.
 */
export function parseEmploymentType(text: string | null | undefined): EmploymentType {
  if (!text) return "unknown";
  const words = text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (INTERNSHIP.test(words)) return "internship";
  if (CONTRACT.test(words)) return "contract";
  if (TEMPORARY.test(words)) return "temporary";
  if (FULL_TIME.test(words)) return "full_time";
  if (PART_TIME.test(words)) return "part_time";
  return "unknown";
}
