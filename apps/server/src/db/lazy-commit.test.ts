import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDisposableTestDatabase, storageUnderTest } from '../../test/build-test-app.ts';
import { DEFAULT_ACCOUNT_ID, ensureDefaultAccount } from '../repositories/account-repository.ts';
import { INSERT_DOCUMENTS, INSERT_LOGS } from '../repositories/run-document-repository.ts';
import { STORE_AND_NOTIFY } from '../runs/queue/event-outbox.ts';
import type { Database, Queryable } from './database.ts';

const setting = async (q: Queryable) =>
  (await q.query<{ s: string }>("SELECT current_setting('synchronous_commit') AS s"))[0]!.s;

/**
 * The rows a run writes before its end commit without waiting for the disk; the end
 * itself, and everything else on the same pooled connections, still waits.
 */
describe(`statements that commit lazily (${storageUnderTest()})`, () => {
  let db: Database;
  let dispose = async (): Promise<void> => undefined;
  let nextRun = 0;

  beforeAll(async () => {
    ({ db, dispose } = await openDisposableTestDatabase());
    await ensureDefaultAccount(db);
  });
  afterAll(() => dispose());

  const newRun = async () => {
    nextRun += 1;
    const id = `run-${nextRun}`;
    await db.query(
      `INSERT INTO runs (account_id, id, process_name, document, status) VALUES ($1, $2, 'Lazy', '{}', 'running')`,
      [DEFAULT_ACCOUNT_ID, id],
    );
    return id;
  };

  const document = (runId: string) =>
    JSON.stringify([
      {
        account_id: DEFAULT_ACCOUNT_ID,
        run_id: runId,
        seq: 1,
        shape_id: 'start',
        direction: 'out',
        port: 'default',
        document_id: 'd1',
        parent_id: null,
        data: 'hello',
        properties: {},
        error: null,
      },
    ]);

  const statements: [string, (runId: string) => [string, unknown[]]][] = [
    [
      'live events',
      (runId) => [
        STORE_AND_NOTIFY,
        [
          JSON.stringify([
            { account_id: DEFAULT_ACCOUNT_ID, run_id: runId, seq: 1, events: [{ type: 'log' }] },
          ]),
          'lazy_commit_test',
        ],
      ],
    ],
    ['documents', (runId) => [INSERT_DOCUMENTS, [document(runId)]]],
    [
      'log lines',
      (runId) => [
        INSERT_LOGS,
        [
          DEFAULT_ACCOUNT_ID,
          runId,
          JSON.stringify([
            { seq: 1, shape_id: 'start', level: 'info', message: 'hi', document_id: null },
          ]),
        ],
      ],
    ],
  ];

  for (const [name, statement] of statements) {
    it(`stores ${name} in a transaction that does not wait for the disk`, async () => {
      const runId = await newRun();
      const [sql, params] = statement(runId);
      // Inside a transaction, so the setting is read before it ends.
      const inside = await db.transaction(async (tx) => {
        await tx.query(sql, params);
        return await setting(tx);
      });
      expect(inside).toBe('off');
      const stored = await db.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM run_events WHERE run_id = $1)
              + (SELECT count(*) FROM run_documents WHERE run_id = $1)
              + (SELECT count(*) FROM run_logs WHERE run_id = $1) AS n`,
        [runId],
      );
      expect(Number(stored[0]!.n)).toBe(1);
    });

    it(`leaves the pooled connections waiting for the disk after ${name}`, async () => {
      for (let i = 0; i < 12; i++) {
        const [sql, params] = statement(await newRun());
        await db.query(sql, params);
      }
      for (let i = 0; i < 12; i++) {
        expect(await setting(db)).toBe('on');
      }
    });
  }
});
