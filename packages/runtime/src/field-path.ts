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
 * steps) on the way, and returns the root (a new one when `path` is empty).
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
      child = typeof path[i + 1] === 'number' ? [] : {};
      setOwnField(current, segment, child);
    }
    current = child as object;
  }
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
