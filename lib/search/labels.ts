import { countryName } from "@/lib/normalize/gazetteer";
import { SKILLS_BY_ID } from "@/lib/normalize/skill-taxonomy";
import { typedCountry } from "./typed-country";

export const LEVEL_LABELS: Record<string, string> = {
  intern: "Intern",
  junior: "Junior",
  mid: "Mid-level",
  senior: "Senior",
  staff: "Staff",
  principal: "Principal",
  lead: "Lead",
  director: "Director+",
  unknown: "Level not stated",
};

export const FAMILY_LABELS: Record<string, string> = {
  ml_engineering: "ML engineering",
  ml_infrastructure: "ML infrastructure / platform",
  inference_serving: "Inference and serving",
  applied_research: "Applied / research engineering",
  data_science: "Data science (adjacent)",
  ml_management: "ML management (adjacent)",
  other: "Other",
};

export const REMOTE_LABELS: Record<string, string> = {
  remote: "Remote",
  hybrid: "Hybrid",
  onsite: "On-site",
  unknown: "Work mode not stated",
};

export const POSTED_LABELS: Record<string, string> = { "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days" };

export const SORT_LABELS: Record<string, string> = { relevance: "Relevance", newest: "Newest", salary: "Salary" };

export const SOURCE_LABELS: Record<string, string> = {
  greenhouse: "Greenhouse",
  lever: "Lever",
  ashby: "Ashby",
  workable: "Workable",
  smartrecruiters: "SmartRecruiters",
  recruitee: "Recruitee",
  personio: "Personio",
  remoteok: "Remote OK",
  remotive: "Remotive",
  weworkremotely: "We Work Remotely",
  jsonld: "Career page",
  hackernews: "Hacker News",
  workday: "Workday",
};

export function skillLabel(id: string): string {
  return SKILLS_BY_ID.get(id)?.name ?? id;
}

/** A location filter as a person reads it: a country code by its name ("DE" → "Germany"), a city as typed. */
export function placeName(location: string): string {
  return /^[A-Z]{2}$/.test(location) ? countryName(location) : location;
}

/** A place filter as its field shows it again: a country by name where the name reads back as the same country ("Germany", but "GE" for Georgia). */
export function placeFieldValue(location: string): string {
  const name = placeName(location);
  return name !== location && typedCountry(name) === location ? name : location;
}
