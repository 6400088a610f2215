/** One step of a field path: a property name or an array index. */
export type FieldPathSegment = string | number;

const SEGMENT = /^([^.[\]]+)((?:\[\d+\])*)$/;

/**
 * Reads a field path as used by Map rows, Split, Cleanse and Find Changes:
 * dot-separated property names with optional `[n]` indices, e.g.
 * `order.lines[0].sku`. `$` is the document itself and may prefix a path (`$.items`).
 * Returns null when the path is not well formed; `$` returns `[]`.
 *
 * @example parseFieldPath('asset.params[2].id') // ['asset', 'params', 2, 'id']
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
