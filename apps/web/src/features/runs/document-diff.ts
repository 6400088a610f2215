import { diffJson, renderPath } from '@junction/process-model';

/** One difference; a side is absent when the value was added or removed there. */
export type DiffRow = { key: string; before?: string; after?: string };

/** JSON text of a value, so `1`, `"1"`, `null` and `"null"` read differently. */
function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Structural differences between two JSON values, by path. */
function diffValues(before: unknown, after: unknown): DiffRow[] {
  return diffJson(before, after).map((change) => ({
    key: renderPath(change.path),
    ...(change.kind !== 'added' ? { before: show(change.before) } : {}),
    ...(change.kind !== 'removed' ? { after: show(change.after) } : {}),
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
