import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PAGE_SIZE } from "@/lib/search/listing";
import { FAMILY_OPTIONS, LEVEL_OPTIONS, REMOTE_OPTIONS, SOURCE_OPTIONS, type PostingFilter } from "@/lib/search/schemas";

/**
 * The baseline the search benchmark compares against: what a first version written with Prisma's
 * everyday API would do. Text search is `contains` (ILIKE '%word%') on title and description,
 * pages are OFFSET, and the facet panel is one count query per value it shows.
 * It understands the filters the benchmark uses (q, level, remote, skills, salaryMin).
 */
export function naiveWhere(filter: PostingFilter): Prisma.PostingWhereInput {
  const and: Prisma.PostingWhereInput[] = [{ closedAt: null }, { fit: true }];
  if (filter.q) {
    and.push({ OR: [{ title: { contains: filter.q, mode: "insensitive" } }, { descriptionText: { contains: filter.q, mode: "insensitive" } }] });
  }
  if (filter.level) and.push({ level: { in: filter.level } });
  if (filter.remote) and.push({ remote: { in: filter.remote } });
  if (filter.skills) and.push({ skills: { hasEvery: filter.skills } });
  if (filter.salaryMin !== undefined) and.push({ OR: [{ salaryMaxUsd: { gte: filter.salaryMin } }, { salaryMinUsd: { gte: filter.salaryMin } }] });
  return { AND: and };
}

/** Page `page` (1-based), newest first, by OFFSET. */
export async function naiveListPage(db: Db, filter: PostingFilter, page: number): Promise<number> {
  const rows = await db.posting.findMany({
    where: naiveWhere(filter),
    orderBy: [{ sortAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      id: true,
      title: true,
      companyName: true,
      locations: true,
      remote: true,
      remoteRegions: true,
      level: true,
      family: true,
      fitScore: true,
      fitReasons: true,
      skills: true,
      salaryMinUsd: true,
      salaryMaxUsd: true,
      salaryCurrency: true,
      salaryMin: true,
      salaryMax: true,
      salaryInterval: true,
      sortAt: true,
      postedAt: true,
      company: { select: { slug: true } },
    },
  });
  return rows.length;
}

export interface NaiveFacetValues {
  skills: string[];
  companyIds: number[];
}

/** The facet panel as one count per shown value (plus the total), sent together over the client's pool. */
export async function naiveFacets(db: Db, filter: PostingFilter, values: NaiveFacetValues): Promise<number> {
  const where = naiveWhere(filter);
  const count = (extra: Prisma.PostingWhereInput) => db.posting.count({ where: { AND: [where, extra] } });
  const counts = await Promise.all([
    db.posting.count({ where }),
    ...LEVEL_OPTIONS.map((level) => count({ level })),
    ...REMOTE_OPTIONS.map((remote) => count({ remote })),
    ...FAMILY_OPTIONS.map((family) => count({ family })),
    ...values.skills.map((skill) => count({ skills: { has: skill } })),
    ...values.companyIds.map((companyId) => count({ companyId })),
    ...SOURCE_OPTIONS.map((kind) => count({ sightings: { some: { source: { kind } } } })),
  ]);
  return counts.length;
}

/** How many queries naiveFacets sends. */
export function naiveFacetQueries(values: NaiveFacetValues): number {
  return 1 + LEVEL_OPTIONS.length + REMOTE_OPTIONS.length + FAMILY_OPTIONS.length + values.skills.length + values.companyIds.length + SOURCE_OPTIONS.length;
}
