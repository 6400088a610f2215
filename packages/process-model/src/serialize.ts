import { readJson } from './json/read-json.ts';
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
 * Reads a process file: JSON (depth-limited, duplicate keys refused, errors located), then migration to the current schema version, then
 * the structural check. Semantic problems (dangling ports, ...) are left to
 * validateProcess, because drafts may be saved with them.
 */
export function parseProcess(text: string): ParseResult {
  // Duplicate keys are refused: a second shape under one id would silently replace the first.
  const read = readJson(text, { duplicateKeys: true });
  if (!read.ok) {
    return read;
  }
  return readProcessValue(read.value);
}

/**
 * A process file already parsed from JSON (a request body): migration to the current
 * schema version, then the structural check, as `parseProcess` does after parsing.
 * The value may be changed in place by the migration; pass a copy of shared data.
 */
export function readProcessValue(value: unknown): ParseResult {
  const migrated = migrateProcess(value);
  if (!migrated.ok) {
    return migrated;
  }
  const issues = structureIssues(migrated.value);
  return issues.length > 0
    ? { ok: false, issues }
    : { ok: true, document: migrated.value as ProcessDocument };
}
