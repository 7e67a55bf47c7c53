/** Grouping items by keys, keeping the order in which groups and items were first seen. */

/** Groups in first-seen order: `groupBy(["a1", "b1", "a2"], (s) => s[0])` is a → [a1, a2], b → [b1]. */
export function groupBy<T>(items: T[], keys: (item: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}
