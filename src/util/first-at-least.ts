/**
 * Binary search: the index of the first item of ascending `sorted` that is at least `value`
 * (`sorted.length` if none is).
 *   firstAtLeast([1, 3, 3, 7], 3) === 1;  firstAtLeast(["a/", "b/x", "c"], "b/") === 1
 */
export function firstAtLeast<T extends number | string>(sorted: readonly T[], value: T): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
