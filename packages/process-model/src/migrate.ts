import { upgradeVersion1 } from './migrate-legacy.ts';
import { CURRENT_SCHEMA_VERSION } from './schema/process.ts';
import type { ValidationIssue } from './validation/issue.ts';

/**
 * Each entry lifts a file from version N to N+1. Version 1 is the first published
 * format, so the table is empty; a future change adds `1: (doc) => ...` here and
 * bumps CURRENT_SCHEMA_VERSION.
 */
export type MigrationTable = Readonly<
  Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>
>;

const MIGRATIONS: MigrationTable = {};

export type MigrateResult = { ok: true; value: unknown } | { ok: false; issues: ValidationIssue[] };

/**
 * Lifts a process file of any known older schema version to the current one.
 * `options` exists for tests: a table of steps and the version they lead to.
 */
export function migrateProcess(
  value: unknown,
  options: { migrations?: MigrationTable; currentVersion?: number } = {},
): MigrateResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const current = options.currentVersion ?? CURRENT_SCHEMA_VERSION;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('', 'schema.type', 'must be a JSON object');
  }
  let doc = value as Record<string, unknown>;
  const version = doc['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('/schemaVersion', 'schema.version', 'must be a positive integer schema version');
  }
  if (version > current) {
    return fail(
      '/schemaVersion',
      'schema.version-too-new',
      `written by a newer Junction (schema ${version}; this one reads up to ${current})`,
    );
  }
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) {
      return fail('/schemaVersion', 'schema.no-migration', `no migration from schema ${v}`);
    }
    doc = { ...step(doc), schemaVersion: v + 1 };
  }
  return { ok: true, value: doc['schemaVersion'] === 1 ? upgradeVersion1(doc) : doc };
}

function fail(pointer: string, code: string, message: string): MigrateResult {
  return { ok: false, issues: [{ severity: 'error', code, message, pointer }] };
}
