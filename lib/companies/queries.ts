import "server-only";
import { sharedData } from "@/lib/cache/shared-data";
import { getDb } from "@/lib/db";
import { listHiringCompanies, type HiringCompanies } from "./hiring";

export async function getCompany(slug: string) {
  return getDb().company.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      website: true,
      sources: { select: { kind: true, token: true, lastSuccessAt: true, enabled: true }, orderBy: { kind: "asc" } },
      _count: { select: { postings: { where: { closedAt: null } } } },
    },
  });
}

const hiringShared = sharedData("hiring-companies-v2", async (limit: string) => listHiringCompanies(getDb(), { limit: Number(limit) }));

/** The companies hiring, shared by every visitor for up to a minute (a quarter of a second to count over a million postings). */
export async function listHiringCompaniesShared(limit: number): Promise<HiringCompanies> {
  const result = await hiringShared(String(limit));
  // The cache stores JSON: dates come back as strings.
  return { ...result, companies: result.companies.map((company) => ({ ...company, newestAt: new Date(company.newestAt) })) };
}
