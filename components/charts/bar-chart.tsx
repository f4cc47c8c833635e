export interface Bar {
  label: string;
  value: number;
  href: string;
  /** Text shown at the end of the bar; the value by default. */
  display?: string;
}

/**
 * A horizontal bar chart as server-rendered SVG (no chart JavaScript). Each bar is a link whose
 * text is its label and value, which is also the chart's text alternative.
 */
export function BarChart({ title, bars, testId }: { title: string; bars: Bar[]; testId?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowHeight = 26;
  const labelWidth = 190;
  const width = 560;
  const barSpace = width - labelWidth - 90;
  const height = bars.length * rowHeight + 4;
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <figcaption className="font-semibold">{title}</figcaption>
      {bars.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No data yet.</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${width} ${height}`} className="mt-2 w-full">
            <desc>{`${title}: ${bars.map((b) => `${b.label} ${b.display ?? b.value}`).join(", ")}`}</desc>
            {bars.map((bar, index) => {
              const y = index * rowHeight + 2;
              const barWidth = Math.max(2, (bar.value / max) * barSpace);
              return (
                <a key={bar.label} href={bar.href}>
                  <title>{`${bar.label}: ${bar.display ?? bar.value}`}</title>
                  <text x={labelWidth - 8} y={y + 16} textAnchor="end" fontSize="13" fill="#1e293b">
                    {bar.label}
                  </text>
                  <rect x={labelWidth} y={y + 4} width={barWidth} height={rowHeight - 8} rx="3" fill="#4338ca" />
                  <text x={labelWidth + barWidth + 6} y={y + 16} fontSize="13" fill="#334155" data-value={bar.value}>
                    {bar.display ?? bar.value}
                  </text>
                </a>
              );
            })}
          </svg>
        </>
      )}
    </figure>
  );
}
