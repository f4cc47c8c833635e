/** Career pages in the format the jsonld scraper reads (schema.org JobPosting), one distinct job each. */

export interface JobSpec {
  /** Unique across the test: becomes the posting's identifier and part of its title. */
  id: string;
  company: string;
  title?: string;
}

export function jobPage(job: JobSpec): string {
  const posting = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: job.title ?? `Senior Machine Learning Engineer, ${job.id}`,
    identifier: { "@type": "PropertyValue", name: job.company, value: job.id },
    hiringOrganization: { "@type": "Organization", name: job.company },
    datePosted: "2026-11-20",
    employmentType: "FULL_TIME",
    jobLocationType: "TELECOMMUTE",
    applicantLocationRequirements: { "@type": "Country", name: "USA" },
    description: `<p>Train and serve models at ${job.company} (${job.id}). PyTorch, Kubernetes.</p>`,
  };
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${job.id}</title>
<script type="application/ld+json">${JSON.stringify(posting)}</script></head><body><h1>${job.id}</h1></body></html>`;
}

/** A listing without postings of its own: the scraper follows its links, one fetch per job page. */
export function listingPage(links: string[]): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Jobs</title></head><body><ul>
${links.map((link) => `<li><a href="${link}">${link}</a></li>`).join("\n")}
</ul></body></html>`;
}

/** One page carrying several postings, one JSON-LD block each (a listing that embeds every job). */
export function jobsPage(jobs: JobSpec[]): string {
  const blocks = jobs.map((job) => /<script type="application\/ld\+json">[\s\S]*?<\/script>/.exec(jobPage(job))![0]);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Jobs</title>\n${blocks.join("\n")}</head><body></body></html>`;
}
