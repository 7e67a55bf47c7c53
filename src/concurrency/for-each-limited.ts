/**
 * Bounded parallelism for file work: `await forEachLimited(files, 8, upload)` runs `upload` on every
 * item with at most 8 at once. After the first failure no new item starts; the ones running are
 * awaited, then that first error is thrown, so a caller never races ahead of a failed step.
 */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (!failure && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (failure) throw failure.error;
}
