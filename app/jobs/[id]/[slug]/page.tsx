import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { PostingJsonLd } from "@/components/posting/posting-json-ld";
import { env } from "@/lib/env";
import { formatAge, formatOffsetRange, formatSalaryAsWritten, formatSalaryUsd, postingPath } from "@/lib/format";
import { visaSponsorship } from "@/lib/normalize/visa";
import { getPosting, listOtherLocations, listSimilarPostings, parsePostingId } from "@/lib/postings/queries";
import { FAMILY_LABELS, LEVEL_LABELS, REMOTE_LABELS, SOURCE_LABELS, skillLabel } from "@/lib/search/labels";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = parsePostingId((await params).id);
  const posting = id ? await getPosting(id) : null;
  if (!posting) return { title: "Posting not found" };
  const path = postingPath(posting);
  const description = `${posting.companyName} · ${REMOTE_LABELS[posting.remote]} · ${posting.descriptionText.slice(0, 160)}`;
  return {
    title: `${posting.title} at ${posting.companyName}`,
    description,
    alternates: { canonical: path },
    openGraph: { title: `${posting.title} at ${posting.companyName}`, description, url: path, type: "article", siteName: "mlradar" },
    robots: posting.closedAt ? { index: false } : undefined,
  };
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default async function PostingPage({ params }: { params: Params }) {
  const { id: rawId, slug } = await params;
  const id = parsePostingId(rawId);
  if (!id) notFound();
  const posting = await getPosting(id);
  if (!posting) notFound();
  const path = postingPath(posting);
  // One address per posting: a stale slug or a padded id ("08") goes to the canonical one.
  if (path !== `/jobs/${rawId}/${slug}`) permanentRedirect(path);

  const now = new Date();
  const [similar, elsewhere] = await Promise.all([listSimilarPostings(posting), listOtherLocations(posting)]);
  const usd = formatSalaryUsd(posting.salaryMinUsd, posting.salaryMaxUsd);
  const written = formatSalaryAsWritten(posting.salaryMin, posting.salaryMax, posting.salaryCurrency, posting.salaryInterval);
  const locations = (posting.locations as { raw: string }[]).map((l) => l.raw);
  // The sentence it was read from, while today's reading of the description still agrees with the stored one.
  const visa = visaSponsorship(posting.descriptionText);
  const visaEvidence = visa && visa.sponsors === posting.sponsorsVisa ? visa.evidence : null;
  const lastVerified = posting.sightings.reduce<Date | null>((latest, s) => (!latest || s.lastSeenAt > latest ? s.lastSeenAt : latest), null);
  const canonicalUrl = new URL(path, env().SITE_URL).toString();

  return (
    <article className="mx-auto max-w-3xl">
      <PostingJsonLd posting={posting} canonicalUrl={canonicalUrl} />
      {posting.closedAt && (
        <div role="alert" className="mb-4 rounded border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900" data-testid="closed-banner">
          This posting closed on {dateFormat.format(posting.closedAt)}: the board no longer lists it. The page stays for reference.
        </div>
      )}
      <h1 className="text-2xl font-semibold leading-tight">{posting.title}</h1>
      <p className="mt-1 text-slate-700">
        <Link prefetch={false} href={`/companies/${posting.company.slug}`}>{posting.companyName}</Link>
        {locations.length > 0 && <> · {locations.join(" · ")}</>}
      </p>
      {elsewhere.length > 0 && (
        <p className="mt-1 text-sm text-slate-700" data-testid="also-open">
          The same role is also listed in{" "}
          {elsewhere.map((other, i) => (
            <span key={other.id}>
              {i > 0 && " · "}
              <Link prefetch={false} href={postingPath(other)}>{other.locations.map((l) => l.raw).join(", ") || REMOTE_LABELS[other.remote]}</Link>
            </span>
          ))}
        </p>
      )}

      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-600">Work mode</dt>
          <dd className="font-medium">
            {REMOTE_LABELS[posting.remote]}
            {posting.remote === "remote" && posting.remoteRegions.length > 0 && ` (${posting.remoteRegions.join(", ")})`}
            {posting.tzMinOffset !== null && posting.tzMaxOffset !== null && (
              <span className="block text-slate-600" data-testid="working-hours">
                Working hours: {formatOffsetRange(posting.tzMinOffset, posting.tzMaxOffset)}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Level</dt>
          <dd className="font-medium">{LEVEL_LABELS[posting.level]}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Role family</dt>
          <dd className="font-medium">{FAMILY_LABELS[posting.family]}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Salary</dt>
          <dd className="font-medium">
            {written ?? "Not stated"}
            {usd && posting.salaryCurrency !== "USD" && <span className="block text-slate-600">≈ {usd} a year</span>}
            {usd && posting.salaryCurrency === "USD" && posting.salaryInterval !== "year" && <span className="block text-slate-600">≈ {usd} a year</span>}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Visa sponsorship</dt>
          <dd className="font-medium" data-testid="visa">
            {posting.sponsorsVisa === null ? "Not stated" : posting.sponsorsVisa ? "Offered" : "Not offered"}
            {visaEvidence && <span className="block font-normal text-slate-600">“{visaEvidence}”</span>}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Posted</dt>
          <dd className="font-medium">{posting.postedAt ? dateFormat.format(posting.postedAt) : "Not stated"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">First seen</dt>
          <dd className="font-medium">{dateFormat.format(posting.firstSeenAt)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Last verified open</dt>
          <dd className="font-medium">{lastVerified ? formatAge(lastVerified, now) : "—"}</dd>
        </div>
      </dl>

      <section aria-labelledby="fit-heading" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="fit-heading" className="font-semibold">
          {posting.fit ? "Why it fits a senior ML engineer" : "How it relates to the role"} ({Math.round(posting.fitScore * 100)}%)
        </h2>
        <ul className="mt-2 list-disc pl-5 text-sm" data-testid="fit-reasons">
          {posting.fitReasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        {posting.skills.length > 0 && (
          <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Skills">
            {posting.skills.map((skill) => (
              <li key={skill}>
                <Link prefetch={false} href={`/?skills=${encodeURIComponent(skill)}`} className="chip no-underline">
                  {skillLabel(skill)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="mt-4 flex flex-wrap items-center gap-4">
        {!posting.closedAt && (
          <a
            href={posting.applyUrl ?? posting.url}
            rel="noopener nofollow"
            className="rounded bg-brand-dark px-4 py-2 font-semibold text-white no-underline hover:bg-brand"
            data-testid="apply-link"
          >
            Apply on {posting.companyName}&apos;s board
          </a>
        )}
        <a href={posting.url} rel="noopener nofollow" className="text-sm">
          View the original posting
        </a>
      </div>

      <section aria-labelledby="description-heading" className="mt-6">
        <h2 id="description-heading" className="sr-only">
          Description
        </h2>
        {/* Sanitized at ingest with an allowlist (lib/normalize/description.ts). */}
        <div
          className="prose-posting max-w-none rounded-lg border border-slate-200 bg-white p-4 text-[15px] leading-relaxed [&_a]:underline [&_h2]:mt-4 [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_p]:mt-2 [&_ul]:list-disc"
          dangerouslySetInnerHTML={{ __html: posting.descriptionHtml || `<p>${posting.descriptionText.replace(/[<>&]/g, "")}</p>` }}
        />
      </section>

      <section aria-labelledby="source-heading" className="mt-6 text-sm text-slate-700">
        <h2 id="source-heading" className="font-semibold">
          Where it was seen
        </h2>
        <ul className="mt-1 space-y-1">
          {posting.sightings.map((sighting) => (
            <li key={sighting.url}>
              <a href={sighting.url} rel="noopener">
                {SOURCE_LABELS[sighting.source.kind] ?? sighting.source.kind}
              </a>
              {sighting.source.attribution && <> — {sighting.source.attribution}</>}
              {sighting.closedAt ? " (no longer listed)" : ` (last seen ${formatAge(sighting.lastSeenAt, now)})`}
            </li>
          ))}
        </ul>
      </section>

      {similar.length > 0 && (
        <section aria-labelledby="similar-heading" className="mt-6">
          <h2 id="similar-heading" className="font-semibold">
            Similar open roles
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {similar.map((other) => (
              <li key={other.id}>
                <Link prefetch={false} href={postingPath(other)}>{other.title}</Link> · {other.companyName} · {REMOTE_LABELS[other.remote]}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
