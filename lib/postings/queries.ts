import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** A posting id as it appears in a URL: digits only, within the id column's range. */
export function parsePostingId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

/** What the posting's canonical path is made of, or null for an unknown id. */
export async function getPostingPathParts(id: number) {
  return getDb().posting.findUnique({ where: { id }, select: { id: true, title: true, companyName: true } });
}

export async function getPosting(id: number) {
  return getDb().posting.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      companyName: true,
      companyId: true,
      company: { select: { slug: true, name: true, website: true } },
      locations: true,
      countries: true,
      remote: true,
      remoteRegions: true,
      tzMinOffset: true,
      tzMaxOffset: true,
      employmentType: true,
      level: true,
      family: true,
      fit: true,
      fitScore: true,
      fitReasons: true,
      skills: true,
      salaryText: true,
      salaryMin: true,
      salaryMax: true,
      salaryCurrency: true,
      salaryInterval: true,
      salaryMinUsd: true,
      salaryMaxUsd: true,
      sponsorsVisa: true,
      descriptionHtml: true,
      descriptionText: true,
      url: true,
      applyUrl: true,
      postedAt: true,
      firstSeenAt: true,
      lastSeenAt: true,
      closedAt: true,
      sightings: {
        orderBy: { firstSeenAt: "asc" },
        select: {
          url: true,
          lastSeenAt: true,
          closedAt: true,
          source: { select: { kind: true, token: true, attribution: true, termsUrl: true } },
        },
      },
    },
  });
}

export type PostingDetail = NonNullable<Awaited<ReturnType<typeof getPosting>>>;

/** Open postings ranked for "similar": the newest this many sharing a skill, and the newest of the family. */
const SIMILAR_CANDIDATES = 200;
const SIMILAR_FALLBACK = 20;

/** A title as a role's name, matched ignoring case and spacing (as lib/search/posting-groups.ts does). */
const titleKey = (title: Prisma.Sql) => Prisma.sql`lower(btrim(regexp_replace(${title}, '[[:space:]]+', ' ', 'g')))`;

/** Not the same role: another posting of one company's title is the role elsewhere, not a similar one. */
const otherRole = (posting: { companyId: number; title: string }) =>
  Prisma.sql`NOT (p.company_id = ${posting.companyId} AND ${titleKey(Prisma.sql`p.title`)} = ${titleKey(Prisma.sql`${posting.title}`)})`;

/**
 * Open fitting postings of the same family (not the same role elsewhere: listOtherLocations), most
 * shared skills first, then the same level, then newest. Only a bounded candidate set is ranked
 * (counting overlaps over every open posting of the family cost 50-110 ms a page view at 100,000
 * postings and made posting pages the slowest under load).
 */
export async function listSimilarPostings(
  posting: { id: number; companyId: number; title: string; family: string; level: string; skills: string[] },
  limit = 5,
) {
  return getDb().$queryRaw<{ id: number; title: string; companyName: string; remote: string }[]>`
    WITH candidates AS (
      (SELECT p.id FROM posting p
       WHERE p.closed_at IS NULL AND p.fit AND p.family = ${posting.family}::"RoleFamily" AND p.id <> ${posting.id}
         AND p.skills && ${posting.skills}::text[] AND ${otherRole(posting)}
       ORDER BY p.sort_at DESC, p.id DESC LIMIT ${SIMILAR_CANDIDATES})
      UNION
      (SELECT p.id FROM posting p
       WHERE p.closed_at IS NULL AND p.fit AND p.family = ${posting.family}::"RoleFamily" AND p.id <> ${posting.id}
         AND ${otherRole(posting)}
       ORDER BY p.sort_at DESC, p.id DESC LIMIT ${SIMILAR_FALLBACK}))
    SELECT p.id, p.title, p.company_name AS "companyName", p.remote::text AS remote
    FROM posting p JOIN candidates c ON c.id = p.id
    ORDER BY (SELECT count(*) FROM unnest(p.skills) s WHERE s = ANY(${posting.skills}::text[])) DESC,
             (p.level = ${posting.level}::"Level") DESC, p.sort_at DESC, p.id DESC
    LIMIT ${Prisma.raw(String(Math.max(1, Math.min(20, Math.floor(limit)))))}`;
}

/** The same role's other open postings: the company lists it once per city (or board). */
export async function listOtherLocations(posting: { id: number; companyId: number; title: string }) {
  return getDb().$queryRaw<{ id: number; title: string; companyName: string; locations: { raw: string }[]; remote: string }[]>`
    SELECT p.id, p.title, p.company_name AS "companyName", p.locations, p.remote::text AS remote
    FROM posting p
    WHERE p.company_id = ${posting.companyId} AND p.closed_at IS NULL AND p.id <> ${posting.id}
      AND ${titleKey(Prisma.sql`p.title`)} = ${titleKey(Prisma.sql`${posting.title}`)}
    ORDER BY p.sort_at DESC, p.id DESC
    LIMIT 20`;
}
