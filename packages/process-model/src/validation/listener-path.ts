/**
 * A listener path is one URL segment of RFC 3986's unreserved characters. No `%`
 * means no encoded slash or dot can hide in it, no `/` means it is one segment of
 * the route, and `.`/`..` are refused, so the server compares it with the request's
 * raw path text as is and nothing is ever decoded or normalised on the way.
 */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** Why `path` cannot be a listener path, or null. */
export function listenerPathProblem(path: string): string | null {
  if (path === '') {
    return 'Enter the path callers use, like orders or orders-created.';
  }
  if (path === '.' || path === '..') {
    return `“${path}” names another path.`;
  }
  if (!SEGMENT.test(path)) {
    const bad = [...path].find((c) => !SEGMENT.test(c)) ?? '';
    return `“${bad}” is not allowed: a path is one segment of letters, digits, - . _ and ~.`;
  }
  return null;
}
