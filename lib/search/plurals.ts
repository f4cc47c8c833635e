/** The letters PostgreSQL's English stemmer (Snowball's Porter2) counts as vowels. */
const VOWEL = /[aeiouy]/;

/**
 * The other number of a search word, where PostgreSQL's English stemmer keeps the two apart, or
 * null where it already makes them one lexeme ("models" → 'model'). It drops a plural "s" only after
 * a vowel that is not just before it, and never from "-us": "LLMs", "GPUs" and "CNNs" stay 'llms',
 * 'gpus' and 'cnns', so a search for "GPUs" missed every posting that says "GPU". A word with digits
 * is not stemmed at all ("H100s").
 */
export function pluralPartner(word: string): string | null {
  const w = word.toLowerCase();
  if (!/^[a-z0-9]{2,}$/.test(w) || !/[a-z]/.test(w)) return null;
  const stemmed = !/\d/.test(w);
  if (w.endsWith("s")) {
    if (w.length < 3 || w.endsWith("ss")) return null;
    return !stemmed || w.endsWith("us") || !VOWEL.test(w.slice(0, -2)) ? w.slice(0, -1) : null;
  }
  return !stemmed || w.endsWith("u") || !VOWEL.test(w.slice(0, -1)) ? `${w}s` : null;
}
