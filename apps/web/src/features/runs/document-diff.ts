import diff from 'microdiff';
import { type DataPath, renderPath } from './data-path.ts';

/** One difference; a side is absent when the value was added or removed there. */
export type DiffRow = { key: string; before?: string; after?: string };

/** JSON text of a value, so `1`, `"1"`, `null` and `"null"` read differently. */
function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Copies parsed JSON into prototype-free objects: microdiff tests keys with `in`,
 * which would otherwise see `constructor` or `toString` on every object and miss
 * a document key of that name being added or removed.
 */
function bare(value: Json): Json {
  if (Array.isArray(value)) {
    return value.map(bare);
  }
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = Object.create(null);
    for (const [k, v] of Object.entries(value)) {
      out[k] = bare(v);
    }
    return out;
  }
  return value;
}

function parse(text: string): { ok: true; value: Json } | { ok: false } {
  try {
    return { ok: true, value: bare(JSON.parse(text) as Json) };
  } catch {
    return { ok: false };
  }
}

/** An object or an array: what microdiff walks into. */
function isContainer(value: Json): value is { [key: string]: Json } | Json[] {
  return value !== null && typeof value === 'object';
}

/** Segment by segment, indices numerically, so `[2]` comes before `[10]`. */
function comparePaths(a: DataPath, b: DataPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x !== y) {
      if (typeof x === 'number' && typeof y === 'number') {
        return x - y;
      }
      return String(x) < String(y) ? -1 : 1;
    }
  }
  return a.length - b.length;
}

/** Structural differences between two JSON values, by path. */
function diffValues(before: Json, after: Json): DiffRow[] {
  // microdiff needs objects or arrays on both sides, of the same kind.
  if (
    !isContainer(before) ||
    !isContainer(after) ||
    Array.isArray(before) !== Array.isArray(after)
  ) {
    return Object.is(before, after)
      ? []
      : [{ key: renderPath([]), before: show(before), after: show(after) }];
  }
  return diff(before, after)
    .sort((a, b) => comparePaths(a.path, b.path))
    .map((d) => ({
      key: renderPath(d.path),
      ...(d.type !== 'CREATE' ? { before: show(d.oldValue) } : {}),
      ...(d.type !== 'REMOVE' ? { after: show(d.value) } : {}),
    }));
}

/**
 * What changed between two documents' data. JSON is compared by structure, so a
 * type change (`1` → `"1"`), a removed `{}` or a key holding a dot each shows as
 * a row; text that is not JSON on either side is compared as a whole.
 */
export function diffDocuments(before: string, after: string): DiffRow[] {
  if (before === after) {
    return [];
  }
  const a = parse(before);
  const b = parse(after);
  if (!a.ok || !b.ok) {
    return [{ key: '(text)', before, after }];
  }
  return diffValues(a.value, b.value);
}

/** Whether two documents' data differ by structure (key order and spacing aside). */
export function documentsDiffer(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined) {
    return before !== after;
  }
  return diffDocuments(before, after).length > 0;
}

/**
 * Properties added, removed or changed. Property values are always text and their
 * names are flat, so comparing the strings by name is exact here.
 */
export function diffProperties(
  before: Record<string, string>,
  after: Record<string, string>,
): DiffRow[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys
    .filter((k) => !Object.hasOwn(before, k) || !Object.hasOwn(after, k) || before[k] !== after[k])
    .map((k) => ({
      key: k,
      ...(Object.hasOwn(before, k) ? { before: before[k] as string } : {}),
      ...(Object.hasOwn(after, k) ? { after: after[k] as string } : {}),
    }));
}
