/** A problem found in a process; `pointer` is a JSON pointer into the file. */
export interface ValidationIssue {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  pointer: string;
  shapeId?: string;
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string): string {
  // Most segments need no escaping; skipping the two scans matters on large files.
  if (!segment.includes('~') && !segment.includes('/')) {
    return segment;
  }
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function pointerOf(...segments: (string | number)[]): string {
  return segments.map((s) => `/${pointerSegment(String(s))}`).join('');
}
