/** Tailwind classes shared by the account forms. */
export const inputClass = "rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
export const primaryButtonClass = "rounded bg-brand px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-dark";
export const secondaryButtonClass = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-100";
