import type { RunDocument } from '@junction/runtime';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../src/db/database.ts';
import {
  DEFAULT_ACCOUNT_ID,
  ensureDefaultAccount,
} from '../src/repositories/account-repository.ts';
import { createRunDocumentRepository } from '../src/repositories/run-document-repository.ts';
import { createDocumentRecorder, EARLY_ROWS_WAIT_MS } from '../src/runs/document-recorder.ts';
import { openTestDatabase, storageUnderTest } from './build-test-app.ts';
import { documentRecording, silent } from './document-recording.ts';

// Outputs a connector hands over page by page are stored at once, provisionally;
// those its call or shape then takes back must leave nothing behind.
describe(`storing a run's documents before their shape finishes (${storageUnderTest()})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    await ensureDefaultAccount(db);
  });
  const { newRun, recorderFor, rowsOf, bodies, records, pageOf, chunksOf } = documentRecording(
    () => db,
  );

  it('stores outputs given before their shape finished once each, in order', async () => {
    await newRun('early');
    const recorder = recorderFor('early', 100);
    const docs = records('e', 250);
    // Three pages, handed over while the List goes on; the first two batches are written meanwhile.
    recorder.emitting('list', 'default', docs.slice(0, 100));
    recorder.emitting('list', 'default', docs.slice(100, 200));
    recorder.emitting('list', 'default', docs.slice(200));
    await vi.waitFor(async () => expect(await rowsOf('early')).toBe(200));
    recorder.result('list', { outputs: new Map([['default', docs]]), errors: [] });
    recorder.inputs('stop', docs);
    expect(await recorder.finish([])).toBe(500);
    expect(await bodies('early')).toBe(250);
    const page = await pageOf('early', 'list', 'out', 240, 20);
    expect(page.total).toBe(250);
    expect(page.items.map((d) => d.documentId)).toEqual(docs.slice(240).map((d) => d.id));
  });

  it('writes outputs given early within half a second, though no batch is full', async () => {
    await newRun('trickle');
    const recorder = recorderFor('trickle', 2_000, EARLY_ROWS_WAIT_MS);
    const docs = records('t', 30);
    // A connector that pages slowly: 10 records, then 20 more a while later.
    recorder.emitting('list', 'default', docs.slice(0, 10));
    await vi.waitFor(async () => expect(await rowsOf('trickle')).toBe(10), { timeout: 5_000 });
    recorder.emitting('list', 'default', docs.slice(10));
    await vi.waitFor(async () => expect(await rowsOf('trickle')).toBe(30), { timeout: 5_000 });
    const page = await pageOf('trickle', 'list', 'out', 0, 50);
    expect(page.items.map((d) => d.documentId)).toEqual(docs.map((d) => d.id));
    recorder.result('list', { outputs: new Map([['default', docs]]), errors: [] });
    expect(await recorder.finish([])).toBe(30);
    expect(await rowsOf('trickle')).toBe(30);
  });

  it("takes back outputs given early that the shape's result does not hold, with their chunks", async () => {
    await newRun('withdrawn');
    const recorder = recorderFor('withdrawn', 100);
    const input: RunDocument = { id: 'in', data: '{}', properties: {} };
    const docs = records('w', 150);
    // The first 100 are written (packed into a chunk), the last 50 still wait in the buffer.
    recorder.emitting('list', 'default', docs.slice(0, 100));
    recorder.emitting('list', 'default', docs.slice(100));
    await vi.waitFor(async () => expect(await rowsOf('withdrawn')).toBe(100));
    // The call failed on a later page: taken back at once, before the shape ends.
    recorder.withdrawing('list', docs);
    await vi.waitFor(async () => expect(await rowsOf('withdrawn')).toBe(0));
    // Its chunk stays until the finish: a reader may be between a row and its chunk.
    const during = await chunksOf('withdrawn');
    expect(during).toHaveLength(1);
    recorder.result('list', {
      outputs: new Map(),
      errors: [{ document: input, message: 'page 3' }],
    });
    // A withdrawn document seen again later is stored with a body of its own.
    recorder.inputs('other', [docs[0]!]);
    expect(await recorder.finish([])).toBe(2);
    const outputs = await pageOf('withdrawn', 'list', 'out', 0, 10);
    expect(outputs.total).toBe(0);
    const chunks = await chunksOf('withdrawn');
    expect(chunks).toEqual([]);
    const other = await pageOf('withdrawn', 'other', 'in', 0, 10);
    expect(other.items.map((d) => d.data)).toEqual(['{"i":0}']);
  });

  it('takes back what a shape handed over early when it never finished (a cancelled run)', async () => {
    await newRun('unfinished');
    const recorder = recorderFor('unfinished', 100);
    recorder.inputs('list', [{ id: 'in', data: '{}', properties: {} }]);
    recorder.emitting('list', 'default', records('u', 120));
    expect(await recorder.finish([])).toBe(1);
    const outputs = await pageOf('unfinished', 'list', 'out', 0, 10);
    expect(outputs.total).toBe(0);
  });

  it('takes back tens of thousands of rows in several withdrawals, and only the chunks they alone used', async () => {
    await newRun('many-withdrawn');
    const recorder = recorderFor('many-withdrawn');
    const docs = records('m', 60_000);
    for (let i = 0; i < docs.length; i += 1_000) {
      recorder.emitting('list', 'default', docs.slice(i, i + 1_000));
    }
    // The second half's calls failed: six withdrawals of 5,000 each, once all is written.
    await vi.waitFor(async () => expect(await rowsOf('many-withdrawn')).toBe(60_000), {
      timeout: 30_000,
    });
    const chunksBefore = await chunksOf('many-withdrawn');
    for (let i = 30_000; i < docs.length; i += 5_000) {
      recorder.withdrawing('list', docs.slice(i, i + 5_000));
    }
    recorder.result('list', { outputs: new Map([['default', docs.slice(0, 30_000)]]), errors: [] });
    expect(await recorder.finish([])).toBe(30_000);
    const page = await pageOf('many-withdrawn', 'list', 'out', 29_990, 20);
    expect(page.total).toBe(30_000);
    expect(page.items.map((d) => d.data)).toEqual(docs.slice(29_990, 30_000).map((d) => d.data));
    // Batches of 2,000 rows: the 15 wholly taken back lost their chunks, the 15 kept theirs.
    const chunksAfter = await chunksOf('many-withdrawn');
    expect(chunksBefore).toHaveLength(30);
    expect(chunksAfter).toHaveLength(15);
  }, 60_000);

  it("tells in the run's log when rows taken back could not be removed", async () => {
    await newRun('unremoved');
    const store = createRunDocumentRepository(db);
    const recorder = createDocumentRecorder({
      scope: { keep: 'all' },
      // The database refuses the delete (a storage failure), nothing else.
      store: {
        ...store,
        deleteDocuments: async () => {
          throw new Error('disk full');
        },
      },
      accountId: DEFAULT_ACCOUNT_ID,
      runId: 'unremoved',
      log: silent,
      batchSize: 100,
    });
    const docs = records('x', 100);
    recorder.emitting('list', 'default', docs);
    recorder.withdrawing('list', docs);
    expect(await recorder.finish([])).toBe(100);
    const log = await store.logs(DEFAULT_ACCOUNT_ID, 'unremoved');
    expect(log.map((l) => [l.level, l.shapeId, l.message])).toEqual([
      [
        'error',
        'list',
        '100 documents taken back from list (its call failed) could not be removed from the stored run: disk full',
      ],
    ]);
  });

  it('tells no refusal of a row that was taken back', async () => {
    await newRun('refused-withdrawn');
    const recorder = recorderFor('refused-withdrawn', 100);
    const docs = records('r', 100);
    // Half an emoji: the batch is refused, then stored row by row, this one refused.
    docs[50] = { id: 'bad', data: '{"s":"\ud83d"}', properties: {} };
    recorder.emitting('list', 'default', docs);
    await vi.waitFor(async () => expect(await rowsOf('refused-withdrawn')).toBe(99));
    recorder.withdrawing('list', docs);
    expect(await recorder.finish([])).toBe(0);
    expect(await rowsOf('refused-withdrawn')).toBe(0);
    expect(
      await createRunDocumentRepository(db).logs(DEFAULT_ACCOUNT_ID, 'refused-withdrawn'),
    ).toEqual([]);
  });

  it('keeps a chunk that rows which stay share with rows taken back', async () => {
    await newRun('shared-chunk');
    const recorder = recorderFor('shared-chunk', 200);
    const kept = records('k', 100);
    // One batch of 200 rows, one chunk: 100 outputs that stay, 100 given early.
    recorder.result('before', { outputs: new Map([['default', kept]]), errors: [] });
    const taken = records('w', 100);
    recorder.emitting('list', 'default', taken);
    recorder.withdrawing('list', taken);
    recorder.result('list', { outputs: new Map(), errors: [] });
    expect(await recorder.finish([])).toBe(100);
    const chunks = await chunksOf('shared-chunk');
    expect(chunks).toHaveLength(1);
    const page = await pageOf('shared-chunk', 'before', 'out', 90, 20);
    expect(page.items.map((d) => d.data)).toEqual(kept.slice(90).map((d) => d.data));
  });
});
