/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each
 * item as an argument and overflows the stack past ~100,000 items; batches of a
 * million documents are normal here.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  if (Array.isArray(items)) {
    // Indexed: no iterator result per item (batches are often whole runs of documents).
    for (let i = 0; i < items.length; i++) {
      target.push(items[i] as T);
    }
    return;
  }
  for (const item of items) {
    target.push(item);
  }
}
