import "server-only";
import { getDb } from "@/lib/db";

export interface PostingListItem {
  id: number;
  title: string;
  companyName: string;
  remote: string;
  level: string;
  salaryMinUsd: number | null;
  salaryMaxUsd: number | null;
  sortAt: Date;
}

export async function listPostings(limit = 50): Promise<PostingListItem[]> {
  return getDb().posting.findMany({
    where: { closedAt: null },
    orderBy: [{ sortAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, title: true, companyName: true, remote: true, level: true, salaryMinUsd: true, salaryMaxUsd: true, sortAt: true },
  });
}
