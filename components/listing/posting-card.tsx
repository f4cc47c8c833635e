import Link from "next/link";
import { formatAge, formatSalaryUsd, postingPath } from "@/lib/format";
import type { ListingItem } from "@/lib/search/listing";
import { LEVEL_LABELS, REMOTE_LABELS, skillLabel } from "@/lib/search/labels";

function placeLine(item: ListingItem): string {
  const places = item.locations.map((l) => l.raw).filter(Boolean);
  const shown = places.slice(0, 2).join(" · ");
  return places.length > 2 ? `${shown} +${places.length - 2}` : shown;
}

export function PostingCard({ item, now }: { item: ListingItem; now: Date }) {
  const salary = formatSalaryUsd(item.salaryMinUsd, item.salaryMaxUsd);
  const why = item.fitReasons[0];
  return (
    <li className="px-4 py-4" data-testid="posting">
      <h2 className="text-base font-semibold leading-snug">
        <Link href={postingPath(item)} className="text-slate-900 no-underline hover:text-brand-dark hover:underline">
          {item.title}
        </Link>
      </h2>
      <p className="mt-0.5 text-sm text-slate-700">
        <Link href={`/companies/${item.companySlug}`} className="text-slate-700">
          {item.companyName}
        </Link>
        {placeLine(item) && <> · {placeLine(item)}</>}
      </p>
      <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600">
        <span>{REMOTE_LABELS[item.remote] ?? item.remote}</span>
        <span>{LEVEL_LABELS[item.level] ?? item.level}</span>
        {salary && <span className="font-medium text-emerald-800">{salary}</span>}
        <span>{formatAge(item.postedAt && item.postedAt < item.sortAt ? item.postedAt : item.sortAt, now)}</span>
      </p>
      {item.skills.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Top skills">
          {item.skills.slice(0, 6).map((skill) => (
            <li key={skill} className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
              {skillLabel(skill)}
            </li>
          ))}
        </ul>
      )}
      {why && <p className="mt-2 text-xs text-slate-600">Why it matches: {why}</p>}
    </li>
  );
}
