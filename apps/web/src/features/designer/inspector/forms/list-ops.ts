/** Immutable list edits for the forms' ordered rows. */
export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((current, i) => (i === index ? item : current));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

/** Swaps a row with its neighbour; out-of-range moves leave the list as it is. */
export function moveAt<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const a = items[index];
  const b = items[target];
  if (a === undefined || b === undefined) {
    return [...items];
  }
  const next = [...items];
  next[index] = b;
  next[target] = a;
  return next;
}
