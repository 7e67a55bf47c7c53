/**
 * The nearest word to a misspelt one, for "did you mean" hints: Damerau–Levenshtein distance (the
 * optimal-string-alignment form: insert, delete, replace or swap two neighbours, each costing 1),
 * counted in characters, not UTF-16 units.
 *   editDistance("titel", "title") === 1
 *   nearest("auther", ["author", "source"]) === "author"
 */

/** The distance between `a` and `b`, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = t.map((_, j) => j + 1);
  previous.unshift(0);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    if (Math.min(...row) > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[t.length]!;
}

/**
 * How far a word of this length may be from the one meant: 1 for short words, a third of longer
 * ones, at most 3.
 */
export function closeEnough(word: string): number {
  return Math.min(3, Math.max(1, Math.floor([...word].length / 3)));
}

/**
 * The candidate nearest to `word`, compared without case, if it is within `limit` (by default
 * closeEnough(word)); the first of equally near ones. An exact match is not a suggestion.
 */
export function nearest(
  word: string,
  candidates: Iterable<string>,
  limit = closeEnough(word),
): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
