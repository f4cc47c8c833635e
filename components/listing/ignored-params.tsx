import type { IgnoredParam } from "@/lib/search/listing-params";

export function IgnoredParams({ ignored }: { ignored: IgnoredParam[] }) {
  if (!ignored.length) return null;
  return (
    <div role="status" className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="ignored-params">
      <p className="font-semibold">Some parts of the address were ignored:</p>
      <ul className="mt-1 list-disc pl-5">
        {ignored.slice(0, 10).map((item, index) => (
          <li key={index}>
            <code>{item.param}</code>
            {item.value && (
              <>
                {" "}= <code>{item.value}</code>
              </>
            )}
            : {item.reason}
          </li>
        ))}
        {ignored.length > 10 && <li>and {ignored.length - 10} more</li>}
      </ul>
    </div>
  );
}
