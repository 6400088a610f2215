/** One step of a field path: a property name or an array index. */
export type FieldPathSegment = string | number;

const SEGMENT = /^([^.[\]]+)((?:\[\d+\])*)$/;

/**
 * Parses a field path the way the process model does (Map rows, Split, Cleanse,
 * Find Changes): `order.lines[0].sku`, `$` for the whole document, optional `$.`
 * prefix. Null when malformed. Mirrors process-model's text/field-path.ts, which
 * the package does not export yet.
 */
export function parseFieldPath(path: string): FieldPathSegment[] | null {
  if (path === '$') {
    return [];
  }
  const body = path.startsWith('$.') ? path.slice(2) : path;
  if (body === '') {
    return null;
  }
  const segments: FieldPathSegment[] = [];
  for (const part of body.split('.')) {
    const match = SEGMENT.exec(part);
    if (!match || match[1] === undefined) {
      return null;
    }
    segments.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) {
      segments.push(Number(index[1]));
    }
  }
  return segments;
}

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
  path.forEach((segment, i) => {
    const next = path[i + 1];
    if (next === undefined) {
      current[segment] = value;
      return;
    }
    const child = current[segment];
    if (child === null || typeof child !== 'object') {
      current[segment] = typeof next === 'number' ? [] : {};
    }
    current = current[segment] as Record<string | number, unknown>;
  });
  return base;
}

/** A JSON value as a property/parameter string: scalars as text, structures as JSON. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
