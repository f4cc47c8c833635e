import { countryName } from "@/lib/normalize/gazetteer";
import { remoteCountries } from "@/lib/normalize/remote-regions";
import type { PostingDetail } from "@/lib/postings/queries";

const EMPLOYMENT: Record<string, string> = {
  full_time: "FULL_TIME",
  part_time: "PART_TIME",
  contract: "CONTRACTOR",
  internship: "INTERN",
  temporary: "TEMPORARY",
};

/** schema.org JobPosting, escaped so no field can close the script element. */
export function PostingJsonLd({ posting, canonicalUrl }: { posting: PostingDetail; canonicalUrl: string }) {
  const locations = (posting.locations as { raw: string; city?: string; region?: string; country?: string }[]) ?? [];
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: posting.title,
    description: posting.descriptionHtml || posting.descriptionText,
    datePosted: (posting.postedAt ?? posting.firstSeenAt).toISOString(),
    hiringOrganization: { "@type": "Organization", name: posting.companyName, ...(posting.company.website ? { sameAs: posting.company.website } : {}) },
    url: canonicalUrl,
    ...(EMPLOYMENT[posting.employmentType] ? { employmentType: EMPLOYMENT[posting.employmentType] } : {}),
    ...(posting.closedAt ? { validThrough: posting.closedAt.toISOString() } : {}),
    jobLocation: locations
      .filter((l) => l.city || l.country)
      .map((l) => ({ "@type": "Place", address: { "@type": "PostalAddress", addressLocality: l.city, addressRegion: l.region, addressCountry: l.country } })),
  };
  if (posting.remote === "remote") {
    data.jobLocationType = "TELECOMMUTE";
    // Regions as their countries: "NA" is North America, not Namibia, and "EU" is no country at all.
    const countries = remoteCountries(posting.remoteRegions);
    if (countries.length) data.applicantLocationRequirements = countries.map((code) => ({ "@type": "Country", name: countryName(code) }));
  }
  if (posting.salaryCurrency && (posting.salaryMin !== null || posting.salaryMax !== null)) {
    data.baseSalary = {
      "@type": "MonetaryAmount",
      currency: posting.salaryCurrency,
      value: {
        "@type": "QuantitativeValue",
        minValue: posting.salaryMin ?? undefined,
        maxValue: posting.salaryMax ?? undefined,
        unitText: (posting.salaryInterval ?? "year").toUpperCase(),
      },
    };
  }
  const json = JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
