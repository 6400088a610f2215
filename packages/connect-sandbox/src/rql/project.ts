import { isObject, type JsonObject, type JsonValue, valueAtPath } from '../json.ts';

/**
 * Applies `select(...)`: fields in `hidden` are left out unless selected by
 * name; `-path` removes a (possibly nested) field. Returns a new object and
 * leaves the stored one untouched.
 */
export function projectObject(
  obj: JsonObject,
  hidden: readonly string[],
  select: readonly string[],
): JsonObject {
  const added = new Set(select.filter((f) => !f.startsWith('-')).map((f) => f.replace(/^\+/, '')));
  const removed = select.filter((f) => f.startsWith('-')).map((f) => f.slice(1));
  let result = obj;
  for (const path of [...hidden.filter((f) => !added.has(f)), ...removed]) {
    result = removePath(result, path.split('.'));
  }
  return result;
}

function removePath(obj: JsonObject, parts: string[]): JsonObject {
  const [head, ...rest] = parts;
  if (head === undefined || !(head in obj)) {
    return obj;
  }
  const copy: JsonObject = { ...obj };
  if (rest.length === 0) {
    delete copy[head];
    return copy;
  }
  const child = obj[head];
  if (isObject(child)) {
    copy[head] = removePath(child, rest);
  } else if (Array.isArray(child)) {
    copy[head] = child.map((item) => (isObject(item) ? removePath(item, rest) : item));
  }
  return copy;
}

/** Sorts by `ordering(-a,+b)` fields; stable, missing values first when ascending. */
export function orderObjects(objects: JsonObject[], ordering: readonly string[]): JsonObject[] {
  if (ordering.length === 0) {
    return objects;
  }
  const keys = ordering.map((field) => ({
    path: field.replace(/^[-+]/, ''),
    direction: field.startsWith('-') ? -1 : 1,
  }));
  return [...objects].sort((a, b) => {
    for (const key of keys) {
      const order = compareValues(valueAtPath(a, key.path), valueAtPath(b, key.path));
      if (order !== 0) {
        return order * key.direction;
      }
    }
    return 0;
  });
}

function compareValues(a: JsonValue | undefined, b: JsonValue | undefined): number {
  const aMissing = a === undefined || a === null;
  const bMissing = b === undefined || b === null;
  if (aMissing || bMissing) {
    return aMissing === bMissing ? 0 : aMissing ? -1 : 1;
  }
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  const x = typeof a === 'object' ? JSON.stringify(a) : String(a);
  const y = typeof b === 'object' ? JSON.stringify(b) : String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
