/** Levenshtein distance: inserts, deletes and substitutions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The candidate a misspelling most likely meant: within a third of its length in edits. */
export function nearest(text: string, candidates: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const known of candidates) {
    const distance = editDistance(lower, known.toLowerCase());
    if (distance <= Math.max(1, Math.floor(known.length / 3)) && (!best || distance < best.distance)) best = { name: known, distance };
  }
  return best?.name;
}
