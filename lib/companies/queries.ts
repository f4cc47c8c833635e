import "server-only";
import { getDb } from "@/lib/db";

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
