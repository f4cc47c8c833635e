import "server-only";
import { getDb } from "@/lib/db";
import type { ListingItem } from "@/lib/search/listing";

export interface DeliveryPostings {
  searchName: string;
  sentAt: Date | null;
  items: (ListingItem & { closed: boolean })[];
}

/** Every posting one alert email was about (the "and N more" link), best matches first; closed ones are flagged, not hidden. */
export async function listDeliveryPostings(deliveryId: string): Promise<DeliveryPostings | null> {
  const db = getDb();
  const delivery = await db.alertDelivery.findUnique({
    where: { id: deliveryId },
    select: { sentAt: true, savedSearch: { select: { name: true } } },
  });
  if (!delivery) return null;
  const items = await db.$queryRaw<(ListingItem & { closed: boolean })[]>`
    SELECT p.id, p.title, p.company_name AS "companyName", c.slug AS "companySlug", p.locations, p.remote::text AS remote,
      p.remote_regions AS "remoteRegions", p.level::text AS level, p.family::text AS family, p.fit_score AS "fitScore",
      p.fit_reasons AS "fitReasons", p.skills, p.salary_min_usd AS "salaryMinUsd", p.salary_max_usd AS "salaryMaxUsd",
      p.salary_currency AS "salaryCurrency", p.salary_min AS "salaryMin", p.salary_max AS "salaryMax",
      p.salary_interval::text AS "salaryInterval", p.sort_at AS "sortAt", p.posted_at AS "postedAt", NULL::float8 AS rank,
      p.closed_at IS NOT NULL AS closed
    FROM alert_match m JOIN posting p ON p.id = m.posting_id JOIN company c ON c.id = p.company_id
    WHERE m.delivery_id = ${deliveryId}
    ORDER BY p.closed_at IS NOT NULL, p.fit_score DESC, p.sort_at DESC, p.id DESC`;
  return { searchName: delivery.savedSearch.name, sentAt: delivery.sentAt, items };
}
