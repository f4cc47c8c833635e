import { listPostings } from "@/lib/search/queries";

export const dynamic = "force-dynamic";

export default async function ListingsPage() {
  const postings = await listPostings();
  return (
    <section aria-labelledby="listings-heading">
      <h1 id="listings-heading" className="text-2xl font-semibold">
        Senior ML engineering roles
      </h1>
      <p className="mt-1 text-sm text-slate-600">{postings.length} open postings</p>
      <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {postings.map((posting) => (
          <li key={posting.id} className="px-4 py-3" data-testid="posting">
            <p className="font-medium">{posting.title}</p>
            <p className="text-sm text-slate-600">
              {posting.companyName} · {posting.remote} · {posting.level}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
