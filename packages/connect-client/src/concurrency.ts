/**
 * Bounded fan-out: at most `limit` calls of `fn` run at once, results keep the input order.
 */

/**
 * Maps `items` through the async `fn` with at most `limit` calls in flight. On the first
 * rejection no further items are started and the promise rejects with that error (calls
 * already running are left to settle).
 */
export async function mapWithConcurrency<T, R>(
  items: Iterable<T>,
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`Concurrency limit must be a positive integer, got ${limit}`);
  }
  const list = Array.from(items);
  const results: R[] = new Array<R>(list.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < list.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await fn(list[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.min(limit, list.length) }, () => worker());
  await Promise.all(workers);
  return results;
}
