import { formatAge, postingPath } from "@/lib/format";
import { skillsWantedFirst } from "@/lib/search/card-skills";
import type { ListingItem } from "@/lib/search/listing";
import { LEVEL_LABELS, REMOTE_LABELS, skillLabel } from "@/lib/search/labels";
import { describeTermMatches } from "@/lib/search/query-terms";
import { roleSalary } from "@/lib/search/role-salary";

function placeLine(item: ListingItem): string {
  const places = item.locations.map((l) => l.raw).filter(Boolean);
  const shown = places.slice(0, 2).join(" · ");
  return places.length > 2 ? `${shown} +${places.length - 2}` : shown;
}

/** Where the role is: as text for one posting, a link to each posting when the role is listed once per city. */
function Places({ postings }: { postings: ListingItem[] }) {
  if (postings.length === 1) {
    const line = placeLine(postings[0]!);
    return line ? <> · {line}</> : null;
  }
  return postings.map((posting) => (
    <span key={posting.id}>
      {" · "}
      <a href={postingPath(posting)} className="text-slate-700">
        {placeLine(posting) || "location not stated"}
      </a>
    </span>
  ));
}

/**
 * One card: a posting, or the same role at one company listed once per city (from groupPostings), led
 * by the first. Its chips show the skills the listing asks for first (`wantedSkills`), then the
 * posting's own top ones. Plain links: 50 of them per page would each hydrate a client component and
 * prefetch in view.
 */
export function PostingCard({ postings, now, wantedSkills = [] }: { postings: ListingItem[]; now: Date; wantedSkills?: readonly string[] }) {
  const item = postings[0]!;
  const skills = skillsWantedFirst(item.skills, wantedSkills);
  const salary = roleSalary(postings);
  // The search words first (where the posting has them), then why it fits the role.
  const why = [describeTermMatches(item.termMatches), item.fitReasons[0]].filter(Boolean).join(" · ");
  return (
    <li className="px-4 py-4" data-testid="posting">
      <h2 className="text-base font-semibold leading-snug">
        <a href={postingPath(item)} className="card-title">
          {item.title}
        </a>
      </h2>
      <p className="mt-0.5 text-sm text-slate-700">
        <a href={`/companies/${item.companySlug}`} className="text-slate-700">
          {item.companyName}
        </a>
        <Places postings={postings} />
      </p>
      <p className="card-meta">
        <span>{REMOTE_LABELS[item.remote] ?? item.remote}</span>
        <span>{LEVEL_LABELS[item.level] ?? item.level}</span>
        {salary && <span className="font-medium text-emerald-800">{salary}</span>}
        {item.sponsorsVisa && <span>Sponsors visas</span>}
        <span>{formatAge(item.postedAt && item.postedAt < item.sortAt ? item.postedAt : item.sortAt, now)}</span>
        {postings.length > 1 && <span>{postings.length} locations</span>}
      </p>
      {skills.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Top skills">
          {skills.slice(0, 6).map((skill) => (
            <li key={skill} className="chip">
              {skillLabel(skill)}
            </li>
          ))}
        </ul>
      )}
      {why && <p className="mt-2 text-xs text-slate-600">Why it matches: {why}</p>}
    </li>
  );
}
