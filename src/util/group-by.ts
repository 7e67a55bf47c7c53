/** Grouping items by keys, keeping the order in which groups and items were first seen. */

/**
 * Groups in first-seen order: `groupBy(["a1", "b1", "a2"], (s) => s[0])` is a → [a1, a2], b → [b1].
 * `keys` gives one key, or a list of them for an item that joins several groups (or none). One key
 * is given as it is: an array made for it per item cost 0.1 s of a warm build at 100,000 articles.
 */
export function groupBy<T>(items: T[], keys: (item: T) => string | readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  const add = (key: string, item: T) => {
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  };
  for (const item of items) {
    const keyed = keys(item);
    if (typeof keyed === "string") add(keyed, item);
    else for (const key of keyed) add(key, item);
  }
  return groups;
}
