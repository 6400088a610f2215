import { ApiError } from './api.ts';

interface LocatedIssue {
  pointer: string;
  message: string;
}

function isLocatedIssue(value: unknown): value is LocatedIssue {
  const issue = value as Partial<LocatedIssue> | null;
  return typeof issue?.pointer === 'string' && typeof issue.message === 'string';
}

/**
 * An error as one line for a banner: the API's message, then its first issues
 * with where they are ("/shapes/a: Value expected at line 3, column 10"), so a
 * refused save or import says what to fix and where, not only that it failed.
 */
export function describeApiError(error: unknown, limit = 5): string {
  const message = error instanceof Error ? error.message : String(error);
  const raw = error instanceof ApiError ? error.body['issues'] : undefined;
  const issues = Array.isArray(raw) ? raw.filter(isLocatedIssue) : [];
  if (issues.length === 0) {
    return message;
  }
  const listed = issues.slice(0, limit).map((i) => `${i.pointer || '/'}: ${i.message}`);
  const more = issues.length > limit ? ` (and ${issues.length - limit} more)` : '';
  return `${message} ${listed.join('; ')}${more}`;
}
