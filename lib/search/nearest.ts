/**
 * Edit distance counting an inserted, deleted or substituted letter as one edit, and two neighbours
 * swapped as one too ("vias" for "visa", "srot" for "sort": the commonest typo in a short name).
 * Optimal string alignment, by rows: the swap looks two rows back.
 */
export function editDistance(a: string, b: string): number {
  let twoBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, twoBack[j - 2]! + 1);
      current.push(distance);
    }
    [twoBack, previous] = [previous, current];
  }
  return previous[b.length]!;
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
