import type { RevisionAuthor, RevisionSummary } from '@junction/api';

/** Who saved a revision, as the revision list says it. */
export function authorText(author: RevisionAuthor): string {
  switch (author.kind) {
    case 'install':
      return 'the administrator (this install’s own access)';
    case 'token':
      return author.name === null ? 'an API token that no longer exists' : `token “${author.name}”`;
    case 'parent-account':
      return 'a token of a parent account';
    case 'unknown':
      return 'unknown (saved before authors were recorded)';
  }
}

/** One line about a revision: when, by whom, and what a restore brought back. */
export function revisionLine(summary: RevisionSummary, locale?: string): string {
  const when = new Date(summary.savedAt).toLocaleString(locale);
  const restored =
    summary.restoredFrom === null ? '' : ` · restored from revision ${summary.restoredFrom}`;
  return `${when} · by ${authorText(summary.author)}${restored}`;
}
