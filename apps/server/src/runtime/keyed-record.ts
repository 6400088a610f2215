/**
 * Records keyed by strings that come from process files or documents (shape ids,
 * connection ids, property names). Validation refuses `__proto__`, `constructor`
 * and `prototype` as ids, but the runtime does not rely on it: a record without a
 * prototype has nothing to reach, and `setOwn` never goes through a setter.
 */
export function keyedRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** `record[key] = value` that creates an own member even for `__proto__`. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}
