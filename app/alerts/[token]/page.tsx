import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PostingCard } from "@/components/listing/posting-card";
import { listDeliveryPostings } from "@/lib/alerts/queries";
import { authSecret } from "@/lib/auth/secret";
import { verifyToken } from "@/lib/security/signed-token";
import { groupByRole } from "@/lib/search/posting-groups";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alert postings", robots: { index: false }, referrer: "same-origin" };

/** /alerts/<token>: every posting of one alert email (the "and N more" link). The signed delivery id is the credential. */
export default async function AlertPostingsPage({ params }: { params: Promise<{ token: string }> }) {
  const id = verifyToken("delivery", (await params).token, authSecret());
  const delivery = id ? await listDeliveryPostings(id) : null;
  if (!delivery) notFound();
  const now = new Date();
  const open = delivery.items.filter((item) => !item.closed);
  const closed = delivery.items.length - open.length;
  return (
    <section aria-labelledby="alert-heading">
      <h1 id="alert-heading" className="text-2xl font-semibold">
        {delivery.items.length} {delivery.items.length === 1 ? "posting" : "postings"} for “{delivery.searchName}”
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        Everything this alert email was about, best matches first.
        {closed > 0 && ` ${closed} ${closed === 1 ? "has" : "have"} closed since and ${closed === 1 ? "is" : "are"} not shown.`}
      </p>
      <ol className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {groupByRole(open, (posting) => posting.companySlug).map((postings) => (
          <PostingCard key={postings[0]!.id} postings={postings} now={now} wantedSkills={delivery.wantedSkills} />
        ))}
      </ol>
    </section>
  );
}
