/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each
 * item as an argument and overflows the stack past ~100,000 items; batches of a
 * million documents are normal here.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) {
    target.push(item);
  }
}
