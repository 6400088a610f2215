/** A JSON value as stored and served by the simulator. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** A JSON object (every stored Connect object is one). */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `key`, or an empty object when absent or not an object. */
export function objectAt(obj: JsonObject, key: string): JsonObject {
  const value = obj[key];
  return isObject(value) ? value : {};
}

/** The string at `key`, or '' when absent or not a string. */
export function stringAt(obj: JsonObject, key: string): string {
  const value = obj[key];
  return typeof value === 'string' ? value : '';
}

/** The array at `key`, or an empty array. */
export function arrayAt(obj: JsonObject, key: string): JsonValue[] {
  const value = obj[key];
  return Array.isArray(value) ? value : [];
}

/**
 * Every leaf reached by a dotted path. Arrays on the way fan out, so
 * `params.id` matches any parameter's id, as Connect's nested filters do.
 * Django-style `a__b` aliases are accepted too.
 */
export function valuesAtPath(obj: JsonValue, path: string): JsonValue[] {
  const parts = path.includes('__') ? path.split('__') : path.split('.');
  let current: JsonValue[] = [obj];
  for (const part of parts) {
    const next: JsonValue[] = [];
    for (const value of current) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (isObject(item) && part in item) {
          next.push(item[part] as JsonValue);
        }
      }
    }
    current = next;
  }
  return current.flatMap((value) => (Array.isArray(value) ? value : [value]));
}

/** The first value at a dotted path (no fan-out semantics needed), or undefined. */
export function valueAtPath(obj: JsonValue, path: string): JsonValue | undefined {
  return valuesAtPath(obj, path)[0];
}
