/**
 * The page behind an alert email's "and N more" link (/alerts/<token>): every posting of one delivery,
 * saying where each has the saved search's words, as the listing's cards do.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { matchNewPostings } from "@/lib/alerts/match";
import { listDeliveryPostings } from "@/lib/alerts/queries";
import { scheduleDeliveries } from "@/lib/alerts/schedule";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PostingFilter } from "@/lib/search/schemas";
import { makePosting } from "@/tests/helpers/posting-factory";
import { setupTestDatabase } from "@/tests/helpers/test-database";
import { createSearch, createUser, ingest } from "./alert-fixtures";

const database = setupTestDatabase();
beforeEach(async () => {
  await database.db.$executeRaw`TRUNCATE "user", posting, company, source CASCADE`;
});

const T0 = new Date("2026-11-26T15:16:00Z");

/** One instant delivery for `filter` over the given postings; returns the delivery's id and the search's. */
async function deliveryFor(filter: PostingFilter, postings: Parameters<typeof ingest>[1]) {
  const user = await createUser(database.db, "ada@example.test");
  const searchId = await createSearch(database.db, user, filter, { name: "Inference roles" });
  const ids = await ingest(database.db, postings, T0);
  await matchNewPostings(database.db, ids, T0);
  await scheduleDeliveries(database.db, T0);
  const delivery = await database.db.alertDelivery.findFirstOrThrow({ where: { savedSearchId: searchId } });
  return { deliveryId: delivery.id, searchId };
}

const inTitle = makePosting({ externalId: "t", title: "Staff ML Engineer, Inference", skills: ["pytorch", "cuda", "kubernetes"] });
const inDescription = makePosting({
  externalId: "d",
  title: "Senior ML Engineer, Ranking",
  descriptionHtml: "<p>You will speed up inference for our ranking models.</p>",
  descriptionText: "You will speed up inference for our ranking models.",
});

describe("an alert's postings page", () => {
  it("says where each posting has the saved search's words and leads the chips with its skills", async () => {
    const { deliveryId } = await deliveryFor({ q: "inference", skills: ["kubernetes"] }, [inTitle, inDescription]);
    const delivery = await listDeliveryPostings(deliveryId);
    expect(delivery?.searchName).toBe("Inference roles");
    const byTitle = new Map(delivery!.items.map((item) => [item.title, item]));
    expect(byTitle.size).toBe(2);
    expect(byTitle.get(inTitle.title)?.termMatches).toEqual([{ term: "inference", in: "title" }]);
    expect(byTitle.get(inDescription.title)?.termMatches).toEqual([{ term: "inference", in: "description" }]);
    expect(delivery!.wantedSkills).toEqual(["kubernetes"]);
  });

  it("says a word is absent once the search's words are edited away from a posting", async () => {
    const { deliveryId, searchId } = await deliveryFor({ q: "inference" }, [inTitle]);
    await database.db.savedSearch.update({ where: { id: searchId }, data: { filters: { q: "triton inference" } as Prisma.InputJsonValue } });
    const [item] = (await listDeliveryPostings(deliveryId))!.items;
    expect(item?.termMatches).toEqual([
      { term: "triton", in: null },
      { term: "inference", in: "title" },
    ]);
  });

  it("lists postings without term places when the search has no words", async () => {
    const { deliveryId } = await deliveryFor({ level: ["staff", "senior"] }, [inTitle, inDescription]);
    const delivery = await listDeliveryPostings(deliveryId);
    expect(delivery!.items).toHaveLength(2);
    for (const item of delivery!.items) expect(item.termMatches).toBeUndefined();
    expect(delivery!.wantedSkills).toEqual([]);
  });
});
