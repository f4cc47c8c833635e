"use client";

// An error page, never an empty list: a database outage must not look like "no jobs".
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-12 text-center" role="alert">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-700">mlradar could not load this page. The database may be unavailable; try again in a moment.</p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-brand-dark px-4 py-2 font-semibold text-white">
        Try again
      </button>
    </div>
  );
}
