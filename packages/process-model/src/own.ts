/**
 * `record[key]` for records keyed by user-chosen strings (shape ids, kinds, layout).
 * A plain index would find Object.prototype members for `constructor`,
 * `__proto__`, `toString` …, all legal ids, and treat them as present.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
