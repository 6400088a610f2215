import { describe, expect, it } from 'vitest';
import { createProcess } from './create-process.ts';
import { migrateProcess } from './migrate.ts';
import { CURRENT_SCHEMA_VERSION } from './schema/process.ts';

describe('migrateProcess', () => {
  it('keeps v1 as the current version and passes a v1 file through unchanged', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(1);
    const doc = createProcess({ id: 'p', name: 'P' });
    expect(migrateProcess(doc)).toEqual({ ok: true, value: doc });
  });

  it('runs each registered step in order and stamps the new version', () => {
    const migrations = {
      1: (doc: Record<string, unknown>) => ({ ...doc, title: doc['name'] }),
      2: (doc: Record<string, unknown>) => {
        const { name: _, ...rest } = doc;
        return rest;
      },
    };
    const result = migrateProcess(
      { schemaVersion: 1, name: 'Old' },
      { migrations, currentVersion: 3 },
    );
    expect(result).toEqual({ ok: true, value: { schemaVersion: 3, title: 'Old' } });
  });

  it('reports a gap in the table at /schemaVersion', () => {
    const result = migrateProcess({ schemaVersion: 1 }, { migrations: {}, currentVersion: 2 });
    expect(result).toMatchObject({
      ok: false,
      issues: [{ code: 'schema.no-migration', pointer: '/schemaVersion' }],
    });
  });

  it('refuses non-objects and bad versions', () => {
    expect(migrateProcess([])).toMatchObject({ ok: false, issues: [{ code: 'schema.type' }] });
    expect(migrateProcess({ schemaVersion: 0 })).toMatchObject({
      ok: false,
      issues: [{ code: 'schema.version' }],
    });
  });
});
