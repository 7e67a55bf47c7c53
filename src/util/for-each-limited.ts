/**
 * Bounded parallelism for file work: `await forEachLimited(files, 8, upload)` runs `upload` on every
 * item with at most 8 at once; `await mapLimited(files, 32, read)` does the same and returns the
 * results in the items' order. After the first failure no new item starts; the ones running are
 * awaited, then that first error is thrown, so a caller never races ahead of a failed step.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (!failure && next < items.length) {
      const i = next++;
      try {
        results[i] = await task(items[i] as T);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (failure) throw failure.error;
  return results;
}

export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  await mapLimited(items, limit, task);
}
