import { migrateProcess } from './migrate.ts';
import type { ProcessDocument } from './schema/process.ts';
import type { ValidationIssue } from './validation/issue.ts';
import { structureIssues } from './validation/structure.ts';

/** Recursively sorts object keys so the same document always prints the same bytes. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/**
 * The process file as it lives in git: sorted keys, 2-space indent, final newline.
 * Diffs stay small because unchanged parts print identically.
 */
export function serializeProcess(doc: ProcessDocument): string {
  return `${JSON.stringify(canonical(doc), null, 2)}\n`;
}

export type ParseResult =
  | { ok: true; document: ProcessDocument }
  | { ok: false; issues: ValidationIssue[] };

/**
 * Reads a process file: JSON, then migration to the current schema version, then
 * the structural check. Semantic problems (dangling ports, ...) are left to
 * validateProcess, because drafts may be saved with them.
 */
export function parseProcess(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          severity: 'error',
          code: 'json.syntax',
          message: `Not valid JSON: ${(error as Error).message}`,
          pointer: '',
        },
      ],
    };
  }
  const migrated = migrateProcess(value);
  if (!migrated.ok) {
    return migrated;
  }
  const issues = structureIssues(migrated.value);
  return issues.length > 0
    ? { ok: false, issues }
    : { ok: true, document: migrated.value as ProcessDocument };
}
