import { type FieldPathSegment, parseFieldPath } from '@junction/process-model';

export { type FieldPathSegment, parseFieldPath };

// Paths come from users and documents from anywhere: only a value's own fields are
// fields. `constructor` or `__proto__` must never reach the prototype (reading one
// would give a function; writing through one would change every object's prototype).
const ownField = (object: object, segment: FieldPathSegment): unknown =>
  Object.hasOwn(object, segment)
    ? (object as Record<string | number, unknown>)[segment]
    : undefined;

function setOwnField(object: object, segment: FieldPathSegment, value: unknown): void {
  if (segment === '__proto__') {
    // A plain assignment would set the prototype; JSON means a field of that name.
    Object.defineProperty(object, segment, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    (object as Record<string | number, unknown>)[segment] = value;
  }
}

/**
 * How far a write may grow an array. JavaScript fills a gap with holes that JSON
 * writes out as nulls, so `a[100000000]` on an empty array would make a 500 MB text
 * from a 20-byte path: enough to take a thread's heap, or the process's. A write may
 * land at most MAX_ARRAY_GAP past an array's end, and make it at most
 * MAX_GROWN_ARRAY long (an array that came in longer keeps its length).
 */
export const MAX_ARRAY_GAP = 1000;
export const MAX_GROWN_ARRAY = 100_000;

// A text step such as `a.5000000` is an index too when the value there is an array.
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;

function checkArrayIndex(target: object, segment: FieldPathSegment): void {
  if (!Array.isArray(target)) {
    return;
  }
  const index =
    typeof segment === 'number' ? segment : ARRAY_INDEX.test(segment) ? Number(segment) : -1;
  if (index < target.length) {
    return;
  }
  if (index > target.length + MAX_ARRAY_GAP || index >= MAX_GROWN_ARRAY) {
    throw new Error(
      `index ${index} is past what a write may add to an array of ${target.length} (at most ${MAX_ARRAY_GAP.toLocaleString('en')} past its end, ${MAX_GROWN_ARRAY.toLocaleString('en')} elements in all)`,
    );
  }
}

/** The value at `path` in `value`, or undefined when any step is missing. */
export function readPath(value: unknown, path: readonly FieldPathSegment[]): unknown {
  let current = value;
  for (let i = 0; i < path.length; i++) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = ownField(current, path[i] as FieldPathSegment);
  }
  return current;
}

/**
 * Writes `value` at `path` inside `root`, creating objects (or arrays for numeric
 * steps) on the way, and returns the root (a new one when `path` is empty). Throws
 * for an index more than MAX_ARRAY_GAP past its array's end.
 */
export function writePath(
  root: unknown,
  path: readonly FieldPathSegment[],
  value: unknown,
): unknown {
  if (path.length === 0) {
    return value;
  }
  const base: unknown =
    root !== null && typeof root === 'object' ? root : typeof path[0] === 'number' ? [] : {};
  let current = base as object;
  // A plain loop: this runs per row per document, and a callback would be allocated each time.
  const last = path.length - 1;
  for (let i = 0; i < last; i++) {
    const segment = path[i] as FieldPathSegment;
    let child = ownField(current, segment);
    if (child === null || typeof child !== 'object') {
      checkArrayIndex(current, segment);
      child = typeof path[i + 1] === 'number' ? [] : {};
      setOwnField(current, segment, child);
    }
    current = child as object;
  }
  checkArrayIndex(current, path[last] as FieldPathSegment);
  setOwnField(current, path[last] as FieldPathSegment, value);
  return base;
}

/** A JSON value as a property/parameter string: scalars as text, structures as JSON. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
