/**
 * A listener path is one or more segments of URL-safe characters (RFC 3986's
 * unreserved set) joined by `/`. No `%` means no encoded slash or dot can hide in
 * it, and no `.`/`..` segment means it never names anything but itself, so the
 * server can compare it with the request's path text as is.
 */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** Why `path` cannot be a listener path, or null. */
export function listenerPathProblem(path: string): string | null {
  if (path === '') {
    return 'Enter the path callers use, like orders or orders/created.';
  }
  if (path.startsWith('/') || path.endsWith('/')) {
    return 'A path neither starts nor ends with /.';
  }
  const segments = path.split('/');
  for (const [i, segment] of segments.entries()) {
    if (segment === '') {
      return `Segment ${i + 1} is empty (two / in a row).`;
    }
    if (segment === '.' || segment === '..') {
      return `Segment ${i + 1} is “${segment}”, which names another path.`;
    }
    if (!SEGMENT.test(segment)) {
      const bad = [...segment].find((c) => !SEGMENT.test(c)) ?? '';
      return `“${bad}” in segment ${i + 1} is not allowed: use letters, digits, - . _ ~ and / between segments.`;
    }
  }
  return null;
}
