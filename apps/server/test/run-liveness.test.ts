import { createProcess } from '@junction/process-model';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { ensureDefaultAccount } from '../src/repositories/account-repository.ts';
import { createRunDocumentRepository } from '../src/repositories/run-document-repository.ts';
import { createRunRepository, type RunRepository } from '../src/repositories/run-repository.ts';
import { buildTestApp, openTestDatabase, storageUnderTest } from './build-test-app.ts';
import { heldConnect, waitForRun } from './run-helpers.ts';

/** A running test run of the default account, as a dispatcher records one. */
function startRun(runs: RunRepository, id: string) {
  return runs.create('default', {
    id,
    processId: null,
    document: createProcess({ id: 'p', name: 'P' }),
    connectionId: null,
    executionType: 'test_manual',
    revision: null,
    originalRunId: null,
  });
}

describe(`runs of a server that stopped (${storageUnderTest()})`, () => {
  let db: Database;
  let runs: RunRepository;
  beforeAll(async () => {
    db = await openTestDatabase();
    await ensureDefaultAccount(db);
    runs = createRunRepository(db);
  });

  it('aborts only runs whose heartbeat is stale when servers share the database', async () => {
    await startRun(runs, 'live');
    await startRun(runs, 'orphan');
    await db.query(
      "UPDATE runs SET heartbeat_at = now() - interval '5 minutes' WHERE id = 'orphan'",
    );
    await runs.heartbeat(['live']);
    expect(await runs.abandonInterrupted(60_000)).toBe(1);
    expect(await runs.get('default', 'orphan')).toMatchObject({
      status: 'aborted',
      error: 'The server running it stopped.',
    });
    expect((await runs.get('default', 'live'))?.status).toBe('running');
    // A server that owns its database abandons every run it finds running at start.
    expect(await runs.abandonInterrupted()).toBe(1);
    expect((await runs.get('default', 'live'))?.status).toBe('aborted');
  });
});

describe(`run retention (${storageUnderTest()})`, () => {
  it('deletes finished runs past the retention with their documents and logs, and nothing else', async () => {
    const db = await openTestDatabase();
    await ensureDefaultAccount(db);
    const runs = createRunRepository(db);
    const documents = createRunDocumentRepository(db);
    const finish = (id: string) =>
      runs.finish('default', id, {
        status: 'complete',
        error: undefined,
        shapes: {},
        connections: {},
        counts: { documentsIn: 0, documentsOut: 0, documentsInError: 0 },
        documentsStored: 1,
      });
    for (const id of ['old', 'recent', 'old-but-running', 'deleted-elsewhere']) {
      await startRun(runs, id);
      await documents.insertDocuments('default', id, [
        {
          seq: 1,
          shapeId: 'start',
          direction: 'out',
          port: 'default',
          documentId: 'd1',
          parentId: null,
          data: '{}',
          properties: {},
          error: null,
        },
      ]);
    }
    await finish('old');
    await finish('recent');
    await db.query(
      "UPDATE runs SET started_at = now() - interval '40 days', finished_at = now() - interval '31 days' WHERE id IN ('old', 'old-but-running')",
    );
    expect(await runs.deleteFinishedOlderThan(30 * 24 * 3600 * 1000)).toBe(1);
    expect(await runs.get('default', 'old')).toBeNull();
    expect(await documents.documentsInto('default', 'old', 'start', 'out')).toEqual([]);
    expect(await runs.get('default', 'recent')).not.toBeNull();
    expect(await documents.documentsInto('default', 'recent', 'start', 'out')).toHaveLength(1);
    expect((await runs.get('default', 'old-but-running'))?.status).toBe('running');
    // Any statement that deletes a run takes its documents (a server of the version
    // before deletes runs this way and relies on it).
    await db.query("DELETE FROM runs WHERE id = 'deleted-elsewhere'");
    const left = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM run_documents WHERE run_id IN ('old', 'deleted-elsewhere')",
    );
    expect(left[0]?.n).toBe(0);
    expect(await documents.documentsInto('default', 'recent', 'start', 'out')).toHaveLength(1);
  });
});

describe(`a live run's heartbeat (${storageUnderTest()})`, () => {
  it('keeps a long run alive past the stale limit', async () => {
    const app = await buildTestApp({ runLiveness: { heartbeatMs: 30, staleAfterMs: 150 } });
    const held = await heldConnect(app, 200, [{ id: 'PR-1' }]);
    try {
      const id = await held.startList();
      // Several stale limits pass while Connect holds the call; the sweep must not take it.
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect((await app.inject({ url: `/api/runs/${id}` })).json().status).toBe('running');
      held.release();
      expect((await waitForRun(app, id)).status).toBe('complete');
    } finally {
      held.close();
    }
  });
});
