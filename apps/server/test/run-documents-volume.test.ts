import { randomBytes } from 'node:crypto';
import { createProcess } from '@junction/process-model';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { withDefaultUser } from '../src/db/postgres-database.ts';
import {
  DEFAULT_ACCOUNT_ID,
  ensureDefaultAccount,
} from '../src/repositories/account-repository.ts';
import { createRunDocumentRepository } from '../src/repositories/run-document-repository.ts';
import { createRunRepository } from '../src/repositories/run-repository.ts';
import { createDocumentRecorder } from '../src/runs/document-recorder.ts';
import type { RunDocument } from '../src/runtime/types.ts';
import { storageUnderTest } from './build-test-app.ts';

const silent = { error: () => undefined } as never;

describe(`storing a run's documents in batches (${storageUnderTest()})`, () => {
  let db: Database;
  const url = process.env['JUNCTION_TEST_DATABASE_URL'];
  const schema = url ? `junction_test_${randomBytes(6).toString('hex')}` : undefined;
  beforeAll(async () => {
    db = await openDatabase({ databaseUrl: url, schema });
    await ensureDefaultAccount(db);
  });
  afterAll(async () => {
    await db.close();
    if (url && schema) {
      const client = new pg.Client({ connectionString: withDefaultUser(url) });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    }
  });

  it('stores 100,000 documents in and out of a shape in seconds, not minutes', async () => {
    const runs = createRunRepository(db);
    const store = createRunDocumentRepository(db);
    await runs.create(DEFAULT_ACCOUNT_ID, {
      id: 'big',
      processId: null,
      document: createProcess({ id: 'big', name: 'Big' }),
      connectionId: null,
      executionType: 'test_manual',
      revision: null,
      originalRunId: null,
    });
    const docs: RunDocument[] = Array.from({ length: 100_000 }, (_, i) => ({
      id: `d${i + 1}`,
      parentId: 'd0',
      data: `{"id":"PR-${i}","status":"pending"} nul \u0000 kept out`,
      properties: { index: String(i) },
    }));
    const recorder = createDocumentRecorder({
      scope: { keep: 'all' },
      store,
      accountId: DEFAULT_ACCOUNT_ID,
      runId: 'big',
      log: silent,
    });
    const started = performance.now();
    recorder.inputs('stop', docs);
    recorder.result('list', { outputs: new Map([['default', docs]]), errors: [] });
    const stored = await recorder.finish([{ shapeId: 'stop', level: 'info', message: 'done' }]);
    const seconds = (performance.now() - started) / 1000;
    // Printed so the figure can be compared between PGlite and PostgreSQL.
    process.stderr.write(
      `stored 200,000 document rows in ${seconds.toFixed(2)} s (${storageUnderTest()})\n`,
    );
    expect(stored).toBe(200_000);
    expect(seconds).toBeLessThan(60);
    const page = await store.pageForShape(DEFAULT_ACCOUNT_ID, 'big', 'stop', 'in', {
      offset: 99_998,
      limit: 10,
    });
    expect(page.total).toBe(100_000);
    expect(page.items.map((d) => d.documentId)).toEqual(['d99999', 'd100000']);
    expect(page.items[0]?.data).toContain('nul \uFFFD kept out');
    expect(await store.ancestors(DEFAULT_ACCOUNT_ID, 'big', 'd5')).toEqual(['d0']);
  }, 120_000);
});
