export function AddSourceForm({ action, kinds }: { action: (formData: FormData) => Promise<void>; kinds: readonly string[] }) {
  return (
    <form action={action} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <label className="flex flex-col gap-1">
        <span>Board</span>
        <input name="spec" required placeholder="greenhouse:anthropic" className="w-72 rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col gap-1">
        <span>Company (optional)</span>
        <input name="company" className="w-48 rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col gap-1">
        <span>Schedule (cron, UTC)</span>
        <input name="schedule" placeholder="0 */6 * * *" className="w-36 rounded border border-slate-300 px-2 py-1 font-mono" />
      </label>
      <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-white hover:bg-slate-700">
        Add source
      </button>
      <p className="w-full text-xs text-slate-600">Kinds: {kinds.join(", ")}. A URL must point at a public address.</p>
    </form>
  );
}
