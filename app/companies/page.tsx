import type { Metadata } from "next";
import { listHiringCompaniesShared } from "@/lib/companies/queries";
import { formatAge, formatCount, formatSalaryUsd } from "@/lib/format";
import { listingPath } from "@/lib/search/listing-params";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Companies hiring", alternates: { canonical: "/companies" } };

/** Companies shown on the page; the rest are reached through the listing's company filter. */
const SHOWN = 300;

export default async function CompaniesPage() {
  const { companies, total } = await listHiringCompaniesShared(SHOWN);
  const now = new Date();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold">Companies hiring</h1>
      <p className="mt-1 text-sm text-slate-700" data-testid="companies-total">
        {formatCount(total)} {total === 1 ? "company has" : "companies have"} open senior ML engineering roles
        {total > companies.length ? `; the ${formatCount(companies.length)} with the most are listed` : ""}.
      </p>
      {companies.length > 0 && (
        <ol className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {companies.map((company) => (
            <li key={company.slug} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3" data-testid="company">
              <div>
                <a href={`/companies/${company.slug}`} className="font-semibold">
                  {company.name}
                </a>
                <p className="text-sm text-slate-700" data-testid="company-facts">
                  {[
                    company.remoteRoles > 0 ? `${company.remoteRoles} remote` : null,
                    company.topSalaryUsd !== null ? `up to ${formatSalaryUsd(null, company.topSalaryUsd)}` : null,
                    company.sponsorsVisa ? "sponsors visas" : null,
                    `newest posted ${formatAge(company.newestAt, now)}`,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </div>
              <a href={listingPath({ company: [company.slug] })} className="text-sm" data-testid="company-roles" aria-label={`${company.openRoles} open ${company.openRoles === 1 ? "role" : "roles"} at ${company.name}, in the listing`}>
                {company.openRoles} open {company.openRoles === 1 ? "role" : "roles"}
              </a>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
