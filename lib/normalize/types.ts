import type { EmploymentType, Level, RemoteType, RoleFamily, SalaryInterval } from "@/lib/generated/prisma/enums";

export type { EmploymentType, Level, RemoteType, RoleFamily, SalaryInterval };

export interface RoleFit {
  family: RoleFamily;
  level: Level;
  fit: boolean;
  /** 0..1 */
  score: number;
  /** Human-readable, shown on the posting page. */
  reasons: string[];
}

export interface Salary {
  min: number | null;
  max: number | null;
  /** ISO 4217 */
  currency: string;
  interval: SalaryInterval;
  annualUsdMin: number | null;
  annualUsdMax: number | null;
  /** The text it was read from, when it came from text. */
  text?: string;
}

export interface PlaceLocation {
  raw: string;
  city?: string;
  region?: string;
  /** ISO 3166-1 alpha-2 */
  country?: string;
}

export interface LocationInfo {
  locations: PlaceLocation[];
  countries: string[];
  cities: string[];
  remote: RemoteType;
  /** ISO country codes and region codes (US, EU, EMEA, APAC, LATAM, NA, WORLDWIDE) a remote worker may live in. */
  remoteRegions: string[];
  /** UTC offsets in minutes. */
  tzMinOffset: number | null;
  tzMaxOffset: number | null;
}

/** Everything ingest writes to a Posting row, computed purely from a RawPosting. */
export interface NormalizedPosting extends LocationInfo {
  externalId: string;
  title: string;
  companyName: string;
  companySlug: string;
  url: string;
  applyUrl: string | null;
  employmentType: EmploymentType;
  roleFit: RoleFit;
  skills: string[];
  salary: Salary | null;
  /** Offers visa sponsorship; null when the posting does not say. */
  sponsorsVisa: boolean | null;
  descriptionHtml: string;
  descriptionText: string;
  postedAt: Date | null;
  dedupKey: string;
  contentHash: string;
  raw: Record<string, unknown> | null;
}
