import { CURRENT_SCHEMA_VERSION } from './schema/process.ts';
import type { ValidationIssue } from './validation/issue.ts';

/**
 * Each entry lifts a file from version N to N+1. Version 1 is the first published
 * format, so the table is empty; a future change adds `1: (doc) => ...` here and
 * bumps CURRENT_SCHEMA_VERSION.
 */
const MIGRATIONS: Readonly<
  Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>
> = {};

export type MigrateResult = { ok: true; value: unknown } | { ok: false; issues: ValidationIssue[] };

/** Lifts a process file of any known older schema version to the current one. */
export function migrateProcess(value: unknown): MigrateResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('', 'schema.type', 'must be a JSON object');
  }
  let doc = value as Record<string, unknown>;
  const version = doc['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('/schemaVersion', 'schema.version', 'must be a positive integer schema version');
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return fail(
      '/schemaVersion',
      'schema.version-too-new',
      `written by a newer Junction (schema ${version}; this one reads up to ${CURRENT_SCHEMA_VERSION})`,
    );
  }
  for (let v = version; v < CURRENT_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) {
      return fail('/schemaVersion', 'schema.no-migration', `no migration from schema ${v}`);
    }
    doc = { ...step(doc), schemaVersion: v + 1 };
  }
  return { ok: true, value: doc };
}

function fail(pointer: string, code: string, message: string): MigrateResult {
  return { ok: false, issues: [{ severity: 'error', code, message, pointer }] };
}
