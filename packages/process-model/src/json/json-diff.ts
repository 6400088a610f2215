import diff from 'microdiff';
import type { DataPath } from './data-path.ts';

/** One difference at a path; a side is absent where the value was added or removed. */
export interface JsonChange {
  path: DataPath;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Copies JSON into prototype-free objects: microdiff tests keys with `in`, which would
 * otherwise see `constructor` or `toString` on every object and miss a key of that
 * name being added or removed.
 */
function bare(value: unknown): Json {
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
  return value as Json;
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

/**
 * Structural differences between two JSON values, in path order. A type change
 * (`1` → `"1"`), a removed `{}` and a key holding a dot each show as one change.
 */
export function diffJson(before: unknown, after: unknown): JsonChange[] {
  const a = bare(before);
  const b = bare(after);
  // microdiff needs objects or arrays on both sides, of the same kind.
  if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) {
    return Object.is(a, b) ? [] : [{ path: [], kind: 'changed', before: a, after: b }];
  }
  return diff(a, b)
    .sort((x, y) => comparePaths(x.path, y.path))
    .map((d) => {
      if (d.type === 'CREATE') {
        return { path: d.path, kind: 'added', after: d.value };
      }
      if (d.type === 'REMOVE') {
        return { path: d.path, kind: 'removed', before: d.oldValue };
      }
      return { path: d.path, kind: 'changed', before: d.oldValue, after: d.value };
    });
}
