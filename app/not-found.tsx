import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-700">There is nothing at this address. The posting may have been removed.</p>
      <p className="mt-4">
        <Link prefetch={false} href="/">Back to the listings</Link>
      </p>
    </div>
  );
}
