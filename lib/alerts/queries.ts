import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { wantedSkills } from "@/lib/search/card-skills";
import { termPlacesColumn, withTermMatches, type ListingItem } from "@/lib/search/listing";
import { queryTerms } from "@/lib/search/query-terms";
import { postingFilterSchema } from "@/lib/search/schemas";

export interface DeliveryPostings {
  searchName: string;
  sentAt: Date | null;
  items: (ListingItem & { closed: boolean })[];
  /** The skills the saved search asks for, to lead each card's chips as the listing does. */
  wantedSkills: string[];
}

/**
 * Every posting one alert email was about (the "and N more" link), best matches first; closed ones are
 * flagged, not hidden. With search words, each says where it has them, as the listing's cards do (by the
 * search's words today: a posting the words were edited away from says it lacks them).
 */
export async function listDeliveryPostings(deliveryId: string): Promise<DeliveryPostings | null> {
  const db = getDb();
  const delivery = await db.alertDelivery.findUnique({
    where: { id: deliveryId },
    select: { sentAt: true, savedSearch: { select: { name: true, filters: true } } },
  });
  if (!delivery) return null;
  const parsed = postingFilterSchema.safeParse(delivery.savedSearch.filters);
  const filter = parsed.success ? parsed.data : {};
  const terms = filter.q ? queryTerms(filter.q) : [];
  const places = termPlacesColumn(filter.q, terms, { matchUnknown: true });
  const rows = await db.$queryRaw<(ListingItem & { closed: boolean })[]>`
    SELECT p.id, p.title, p.company_name AS "companyName", c.slug AS "companySlug", p.locations, p.remote::text AS remote,
      p.remote_regions AS "remoteRegions", p.level::text AS level, p.family::text AS family, p.fit_score AS "fitScore",
      p.fit_reasons AS "fitReasons", p.skills, p.salary_min_usd AS "salaryMinUsd", p.salary_max_usd AS "salaryMaxUsd",
      p.salary_currency AS "salaryCurrency", p.salary_min AS "salaryMin", p.salary_max AS "salaryMax",
      p.salary_interval::text AS "salaryInterval", p.sponsors_visa AS "sponsorsVisa", p.sort_at AS "sortAt", p.posted_at AS "postedAt", NULL::float8 AS rank,
      p.closed_at IS NOT NULL AS closed ${places ?? Prisma.empty}
    FROM alert_match m JOIN posting p ON p.id = m.posting_id JOIN company c ON c.id = p.company_id
    WHERE m.delivery_id = ${deliveryId}
    ORDER BY p.closed_at IS NOT NULL, p.fit_score DESC, p.sort_at DESC, p.id DESC`;
  return { searchName: delivery.savedSearch.name, sentAt: delivery.sentAt, items: withTermMatches(rows, terms), wantedSkills: wantedSkills(filter) };
}
