import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { PostingCard } from "@/components/listing/posting-card";
import { getCompany } from "@/lib/companies/queries";
import { companyRolesSummary } from "@/lib/companies/roles-summary";
import { getDb } from "@/lib/db";
import { listPostings } from "@/lib/search/listing";
import { listingPath } from "@/lib/search/listing-params";
import { SOURCE_LABELS } from "@/lib/search/labels";
import { groupPostings } from "@/lib/search/posting-groups";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const company = /^[a-z0-9-]{1,80}$/.test(slug) ? await getCompany(slug) : null;
  return company ? { title: `${company.name}: ML engineering roles`, alternates: { canonical: `/companies/${company.slug}` } } : { title: "Company not found" };
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default async function CompanyPage({ params }: { params: Params }) {
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,80}$/.test(slug.toLowerCase())) notFound();
  // Slugs are lower case; /companies/TensorLane is the same company, at its one address.
  if (slug !== slug.toLowerCase()) permanentRedirect(`/companies/${slug.toLowerCase()}`);
  const company = await getCompany(slug);
  if (!company) notFound();
  const now = new Date();
  const page = await listPostings(getDb(), { company: [company.slug], adjacent: true }, null, { now, pageSize: 100 });
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold">{company.name}</h1>
      {company.website && (
        <p className="mt-1 text-sm">
          <a href={company.website} rel="noopener nofollow">
            {company.website}
          </a>
        </p>
      )}
      <p className="mt-2 text-sm text-slate-700">
        {companyRolesSummary(page.items.length, company._count.postings, !page.nextCursor)}
        {page.nextCursor && (
          <>
            {" "}
            <a href={listingPath({ company: [company.slug], adjacent: true })} data-testid="company-all-roles">
              See them all in the listing
            </a>
            .
          </>
        )}
      </p>
      {page.items.length > 0 && (
        <ol className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {groupPostings(page.items).map((postings) => (
            <PostingCard key={postings[0]!.id} postings={postings} now={now} />
          ))}
        </ol>
      )}
      <section aria-labelledby="sources-heading" className="mt-6 text-sm">
        <h2 id="sources-heading" className="font-semibold">
          Boards we read
        </h2>
        <ul className="mt-1 list-disc pl-5">
          {company.sources.map((source) => (
            <li key={`${source.kind}:${source.token}`}>
              {SOURCE_LABELS[source.kind]} ({source.token}){source.enabled ? "" : ", disabled"} — last successful run{" "}
              {source.lastSuccessAt ? dateFormat.format(source.lastSuccessAt) : "never"}
            </li>
          ))}
          {company.sources.length === 0 && <li>Seen through aggregator boards only.</li>}
        </ul>
      </section>
    </div>
  );
}
