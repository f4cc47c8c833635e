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
export function BarChart({ title, bars, testId, more }: { title: string; bars: Bar[]; testId?: string; more?: { href: string; label: string } }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  // Each label sits above its bar, so the drawing can be about as wide as a phone shows it: text
  // stays near its 13px there (a label column beside the bars shrank it to 7px) and on desktop.
  const rowHeight = 36;
  const width = 360;
  const barSpace = width - 150;
  const height = bars.length * rowHeight + 2;
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
              const y = index * rowHeight;
              const barWidth = Math.max(2, (bar.value / max) * barSpace);
              return (
                <a key={bar.label} href={bar.href}>
                  <title>{`${bar.label}: ${bar.display ?? bar.value}`}</title>
                  <text x={0} y={y + 13} fontSize="13" fill="#1e293b">
                    {bar.label}
                  </text>
                  <rect x={0} y={y + 18} width={barWidth} height={12} rx="3" fill="#4338ca" />
                  <text x={barWidth + 6} y={y + 29} fontSize="13" fill="#334155" data-value={bar.value}>
                    {bar.display ?? bar.value}
                  </text>
                </a>
              );
            })}
          </svg>
          {more && (
            <p className="mt-1 text-right text-sm">
              <a href={more.href}>{more.label}</a>
            </p>
          )}
        </>
      )}
    </figure>
  );
}
