import { formatAge, formatSalaryUsd, postingPath } from "@/lib/format";
import type { ListingItem } from "@/lib/search/listing";
import { LEVEL_LABELS, REMOTE_LABELS, skillLabel } from "@/lib/search/labels";

function placeLine(item: ListingItem): string {
  const places = item.locations.map((l) => l.raw).filter(Boolean);
  const shown = places.slice(0, 2).join(" · ");
  return places.length > 2 ? `${shown} +${places.length - 2}` : shown;
}

// Plain links: 50 of them per page would each hydrate a client component and prefetch in view.
export function PostingCard({ item, now }: { item: ListingItem; now: Date }) {
  const salary = formatSalaryUsd(item.salaryMinUsd, item.salaryMaxUsd);
  const why = item.fitReasons[0];
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
        {placeLine(item) && <> · {placeLine(item)}</>}
      </p>
      <p className="card-meta">
        <span>{REMOTE_LABELS[item.remote] ?? item.remote}</span>
        <span>{LEVEL_LABELS[item.level] ?? item.level}</span>
        {salary && <span className="font-medium text-emerald-800">{salary}</span>}
        <span>{formatAge(item.postedAt && item.postedAt < item.sortAt ? item.postedAt : item.sortAt, now)}</span>
      </p>
      {item.skills.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Top skills">
          {item.skills.slice(0, 6).map((skill) => (
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
