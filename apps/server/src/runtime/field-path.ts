import { type FieldPathSegment, parseFieldPath } from '@junction/process-model';

export { type FieldPathSegment, parseFieldPath };

/** The value at `path` in `value`, or undefined when any step is missing. */
export function readPath(value: unknown, path: readonly FieldPathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string | number, unknown>)[segment];
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
  let current = base as Record<string | number, unknown>;
  // A plain loop: this runs per row per document, and a callback would be allocated each time.
  const last = path.length - 1;
  for (let i = 0; i < last; i++) {
    const segment = path[i] as FieldPathSegment;
    const child = current[segment];
    if (child === null || typeof child !== 'object') {
      current[segment] = typeof path[i + 1] === 'number' ? [] : {};
    }
    current = current[segment] as Record<string | number, unknown>;
  }
  current[path[last] as FieldPathSegment] = value;
  return base;
}

/** A JSON value as a property/parameter string: scalars as text, structures as JSON. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
