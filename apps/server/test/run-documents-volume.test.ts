import { zstdDecompressSync } from 'node:zlib';
import type { RunDocument } from '@junction/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import {
  DEFAULT_ACCOUNT_ID,
  ensureDefaultAccount,
} from '../src/repositories/account-repository.ts';
import { createRunDocumentRepository } from '../src/repositories/run-document-repository.ts';
import { createRunRepository } from '../src/repositories/run-repository.ts';
import { TOKEN_PREFIX } from '../src/repositories/token-repository.ts';
import { REDACTED_TOKEN } from '../src/runs/redact-secrets.ts';
import { openTestDatabase, storageUnderTest } from './build-test-app.ts';
import { documentRecording } from './document-recording.ts';

describe(`storing a run's documents in batches (${storageUnderTest()})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    await ensureDefaultAccount(db);
  });

  const { newRun, recorderFor, recordListOutputs, bodies } = documentRecording(() => db);

  it('stores a document that passes on unchanged once, and one with new properties again', async () => {
    await newRun('small');
    const recorder = recorderFor('small');
    const a: RunDocument = { id: 'a', data: '{"n":1}', properties: { x: '1' } };
    const changed: RunDocument = { ...a, properties: { x: '2' } };
    recorder.result('list', { outputs: new Map([['default', [a]]]), errors: [] });
    recorder.inputs('stop', [a]);
    recorder.inputs('other', [changed]);
    recorder.result('other', { outputs: new Map(), errors: [{ document: a, message: 'no' }] });
    expect(await recorder.finish([])).toBe(4);
    expect(await bodies('small')).toBe(2);
    const store = createRunDocumentRepository(db);
    const seen = await store.appearances(DEFAULT_ACCOUNT_ID, 'small', 'a');
    expect(seen.map((d) => [d.shapeId, d.direction, d.data, d.properties, d.error])).toEqual([
      ['list', 'out', '{"n":1}', { x: '1' }, null],
      ['stop', 'in', '{"n":1}', { x: '1' }, null],
      ['other', 'in', '{"n":1}', { x: '2' }, null],
      ['other', 'error', '{"n":1}', { x: '1' }, 'no'],
    ]);
    expect(await store.documentsInto(DEFAULT_ACCOUNT_ID, 'small', 'stop')).toEqual([
      { id: 'a', data: '{"n":1}', properties: { x: '1' } },
    ]);
  });

  it('stores the rest of a batch when the store refuses one row, and says which in the log', async () => {
    await newRun('refused');
    const recorder = recorderFor('refused');
    // A lone surrogate: JSON can carry it, PostgreSQL's jsonb refuses it.
    const bad: RunDocument = { id: 'bad', data: '{"name":"\ud800"}', properties: {} };
    const good = ['g1', 'g2', 'g3'].map((id): RunDocument => ({ id, data: '{}', properties: {} }));
    recorder.result('list', {
      outputs: new Map([['default', [good[0]!, bad, ...good.slice(1)]]]),
      errors: [],
    });
    recorder.inputs('stop', [good[0]!, bad]);
    expect(await recorder.finish([{ shapeId: 'stop', level: 'info', message: 'done' }])).toBe(4);
    const store = createRunDocumentRepository(db);
    const page = await store.pageForShape(DEFAULT_ACCOUNT_ID, 'refused', 'list', 'out', {
      offset: 0,
      limit: 10,
    });
    expect(page.items.map((d) => d.documentId)).toEqual(['g1', 'g2', 'g3']);
    const stopIn = await store.documentsInto(DEFAULT_ACCOUNT_ID, 'refused', 'stop');
    expect(stopIn.map((d) => d.id)).toEqual(['g1']);
    const log = await store.logs(DEFAULT_ACCOUNT_ID, 'refused');
    expect(log.map((l) => [l.level, l.documentId])).toEqual([
      ['info', null],
      ['error', 'bad'],
      ['error', 'bad'],
    ]);
    expect(log[1]?.message).toMatch(/^Document bad \(out of list\) could not be stored: /);
    expect(log[2]?.message).toMatch(/Document bad \(in of stop\).*body it repeats/);
  });

  // Awkward bodies: each must read back as it went in (NUL, which PostgreSQL cannot
  // hold, as U+FFFD). 300 rows go in as one large batch (a COPY on embedded PGlite).
  const awkwardBodies = [
    '{"quote":"\\"","backslash":"\\\\","unicode":"\\u00e9\\u2028","emoji":"🚀"}',
    'plain text, not JSON: tab\there\nnewline\r\nCRLF \\N backslash-N',
    '<?xml version="1.0"?><order id="1">caf\u00e9 &amp; \u65e5\u672c</order>',
    'id,name\n1,"a, b"\n2,"say ""hi"""',
    'nul \u0000 inside',
    '',
  ];
  /** One document of 2 MB among them. */
  const bigBody = `{"big":"${'0123456789'.repeat(200_000)}"}`;
  const bodyOf = (i: number) => (i === 6 ? bigBody : awkwardBodies[i % awkwardBodies.length]!);
  const stored = (data: string) => data.replaceAll('\u0000', '\uFFFD');

  it('reads back every document of a large batch exactly: special characters, megabytes, text that is not JSON', async () => {
    await newRun('exact');
    const docs = Array.from(
      { length: 300 },
      (_, i): RunDocument => ({
        id: `e${i}`,
        parentId: i % 2 === 0 ? 'root' : `e${i - 1}`,
        data: bodyOf(i),
        properties: { index: String(i), 'odd name \t"\\': 'ü\n\u0000' },
      }),
    );
    const relabelled = docs.map((d) => ({ ...d, properties: { ...d.properties, step: '2' } }));
    const recorder = recorderFor('exact');
    recorder.result('list', { outputs: new Map([['default', docs]]), errors: [] });
    recorder.inputs('stop', docs);
    recorder.inputs('map', relabelled);
    expect(await recorder.finish([])).toBe(900);
    // The Stop's inputs are the List's outputs: their bodies are not stored again.
    expect(await bodies('exact')).toBe(600);

    const store = createRunDocumentRepository(db);
    const expected = (d: RunDocument) => ({
      documentId: d.id,
      parentId: d.parentId,
      data: stored(d.data),
      properties: Object.fromEntries(Object.entries(d.properties).map(([k, v]) => [k, stored(v)])),
    });
    for (const [shape, direction, want] of [
      ['list', 'out', docs],
      ['stop', 'in', docs],
      ['map', 'in', relabelled],
    ] as const) {
      const page = await store.pageForShape(DEFAULT_ACCOUNT_ID, 'exact', shape, direction, {
        offset: 0,
        limit: 500,
      });
      expect(page.total).toBe(300);
      expect(
        page.items.map((d) => ({
          documentId: d.documentId,
          parentId: d.parentId,
          data: d.data,
          properties: d.properties,
        })),
      ).toEqual(want.map(expected));
    }
    expect(await store.documentsInto(DEFAULT_ACCOUNT_ID, 'exact', 'stop')).toEqual(
      docs.map((d) => {
        const { documentId, ...rest } = expected(d);
        return { id: documentId, ...rest };
      }),
    );
    const big = await store.appearances(DEFAULT_ACCOUNT_ID, 'exact', 'e6');
    expect(big.map((d) => [d.shapeId, d.direction, d.data.length])).toEqual([
      ['list', 'out', bigBody.length],
      ['stop', 'in', bigBody.length],
      ['map', 'in', bigBody.length],
    ]);
    expect(big[1]!.data).toBe(bigBody);
    expect(await store.ancestors(DEFAULT_ACCOUNT_ID, 'exact', 'e3')).toEqual(['e2', 'root']);
  }, 60_000);

  it("stores a large batch's records compressed together, and removes them with the run", async () => {
    const records = Array.from(
      { length: 2_000 },
      (_, i): RunDocument => ({
        id: `c${i}`,
        data: JSON.stringify({
          id: `PR-${5000 + i}`,
          status: i % 4 === 0 ? 'failed' : 'pending',
          asset: { product: { id: 'PRD-276-377-545', name: 'Cloud Storage' }, quantity: i },
          contact: { email: `buyer${i}@example.com`, country: 'ES', phone: '+34 600 000 000' },
        }),
        properties: { 'connector.list.page': String(Math.floor(i / 100)) },
      }),
    );
    const raw = records.reduce((n, d) => n + Buffer.byteLength(d.data), 0);
    expect(await recordListOutputs('compact', records)).toBe(2_000);
    const chunkBytes = async () =>
      Number(
        (
          await db.query<{ n: string | number | null }>(
            'SELECT coalesce(sum(octet_length(body)), 0) AS n FROM run_document_chunks WHERE run_id = $1',
            ['compact'],
          )
        )[0]?.n,
      );
    const stored = await chunkBytes();
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(raw / 5);
    const page = await createRunDocumentRepository(db).pageForShape(
      DEFAULT_ACCOUNT_ID,
      'compact',
      'list',
      'out',
      { offset: 1_995, limit: 10 },
    );
    expect(page.items.map((d) => [d.documentId, d.data, d.properties])).toEqual(
      records.slice(1_995).map((d) => [d.id, d.data, d.properties]),
    );
    await db.query(
      "UPDATE runs SET status = 'complete', finished_at = now() - interval '2 days' WHERE id = $1",
      ['compact'],
    );
    await createRunRepository(db).deleteFinishedOlderThan(24 * 3600 * 1000);
    expect(await chunkBytes()).toBe(0);
  });

  it('stores the rest of a large batch when one row cannot be stored', async () => {
    await newRun('refused-large');
    const good = Array.from(
      { length: 150 },
      (_, i): RunDocument => ({ id: `g${i}`, data: `{"i":${i}}`, properties: {} }),
    );
    const bad: RunDocument = { id: 'bad', data: '{"name":"\ud800"}', properties: {} };
    const recorder = recorderFor('refused-large');
    recorder.result('list', {
      outputs: new Map([['default', [...good.slice(0, 75), bad, ...good.slice(75)]]]),
      errors: [],
    });
    expect(await recorder.finish([])).toBe(150);
    const store = createRunDocumentRepository(db);
    const page = await store.pageForShape(DEFAULT_ACCOUNT_ID, 'refused-large', 'list', 'out', {
      offset: 0,
      limit: 500,
    });
    expect(page.items.map((d) => d.data)).toEqual(good.map((d) => d.data));
    const log = await store.logs(DEFAULT_ACCOUNT_ID, 'refused-large');
    expect(log.map((l) => [l.level, l.documentId])).toEqual([['error', 'bad']]);
  }, 60_000);

  it('removes the chunks of a batch whose rows the store refuses, and stores the rows one by one', async () => {
    const docs = Array.from(
      { length: 150 },
      (_, i): RunDocument => ({ id: `r${i}`, data: `{"i":${i}}`, properties: {} }),
    );
    // Half an emoji in an error message: the bodies pack, the rows' COPY refuses it.
    const refusedMessage = { document: docs[0]!, message: 'failed at \ud83d' };
    expect(await recordListOutputs('rows-refused', docs, [refusedMessage])).toBe(150);
    const chunks = await db.query('SELECT chunk FROM run_document_chunks WHERE run_id = $1', [
      'rows-refused',
    ]);
    expect(chunks).toEqual([]);
    const page = await createRunDocumentRepository(db).pageForShape(
      DEFAULT_ACCOUNT_ID,
      'rows-refused',
      'list',
      'out',
      { offset: 140, limit: 20 },
    );
    expect(page.items.map((d) => d.data)).toEqual(docs.slice(140).map((d) => d.data));
  });

  it("never reads another run's chunk, even through a row that names it", async () => {
    await newRun('intruder');
    const secret = Array.from(
      { length: 120 },
      (_, i): RunDocument => ({ id: `s${i}`, data: `{"secret":${i}}`, properties: {} }),
    );
    expect(await recordListOutputs('owner', secret)).toBe(120);
    const [{ chunk } = { chunk: -1 }] = await db.query<{ chunk: number }>(
      'SELECT chunk FROM run_document_chunks WHERE run_id = $1 ORDER BY chunk LIMIT 1',
      ['owner'],
    );
    // A row of another run pointing at that chunk, as a forged or damaged row would.
    await db.query(
      `INSERT INTO run_documents (account_id, run_id, seq, shape_id, direction, document_id, body_chunk, body_part)
       VALUES ($1, 'intruder', 1, 'list', 'out', 'x', $2, 0)`,
      [DEFAULT_ACCOUNT_ID, chunk],
    );
    const store = createRunDocumentRepository(db);
    await expect(
      store.pageForShape(DEFAULT_ACCOUNT_ID, 'intruder', 'list', 'out', { offset: 0, limit: 5 }),
    ).rejects.toThrow(/row 1 cannot be read: its chunk \d+ is not there/);
  });

  it('keeps no Platform API token in a chunk: bodies are redacted before they are packed', async () => {
    const token = `${TOKEN_PREFIX}${'A1b2_C3d4-'.repeat(5)}`;
    const docs = Array.from(
      { length: 150 },
      (_, i): RunDocument => ({
        id: `t${i}`,
        data: JSON.stringify({ i, token }),
        properties: { 'dynamic.token': token },
      }),
    );
    expect(await recordListOutputs('tokens', docs)).toBe(150);
    const chunks = await db.query<{ body: Uint8Array }>(
      'SELECT body FROM run_document_chunks WHERE run_id = $1',
      ['tokens'],
    );
    expect(chunks.length).toBeGreaterThan(0);
    const unpacked = chunks.map((c) => zstdDecompressSync(c.body).toString('utf8')).join('');
    expect(unpacked).toContain(REDACTED_TOKEN);
    expect(unpacked).not.toContain(TOKEN_PREFIX);
    const page = await createRunDocumentRepository(db).pageForShape(
      DEFAULT_ACCOUNT_ID,
      'tokens',
      'list',
      'out',
      { offset: 0, limit: 1 },
    );
    expect(page.items[0]?.properties).toEqual({ 'dynamic.token': REDACTED_TOKEN });
  });

  it('stores 100,000 documents in and out of a shape in seconds, not minutes', async () => {
    await newRun('big');
    const store = createRunDocumentRepository(db);
    const docs: RunDocument[] = Array.from({ length: 100_000 }, (_, i) => ({
      id: `d${i + 1}`,
      parentId: 'd0',
      data: `{"id":"PR-${i}","status":"pending"} nul \u0000 kept out`,
      properties: { index: String(i) },
    }));
    const recorder = recorderFor('big');
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
    // The same documents in and out: each body is stored once.
    expect(await bodies('big')).toBe(100_000);
    expect(seconds).toBeLessThan(60);
    const page = await store.pageForShape(DEFAULT_ACCOUNT_ID, 'big', 'stop', 'in', {
      offset: 99_998,
      limit: 10,
    });
    expect(page.total).toBe(100_000);
    expect(page.items.map((d) => d.documentId)).toEqual(['d99999', 'd100000']);
    expect(page.items[0]?.data).toContain('nul \uFFFD kept out');
    // The List's outputs repeat the Stop's bodies: each row looks its body up, which
    // must stay one document's lookup, not a walk over the run's rows per row.
    const repeated = await store.pageForShape(DEFAULT_ACCOUNT_ID, 'big', 'list', 'out', {
      offset: 99_998,
      limit: 10,
    });
    expect(repeated.items.map((d) => [d.documentId, d.data])).toEqual(
      page.items.map((d) => [d.documentId, d.data]),
    );
    expect(await store.ancestors(DEFAULT_ACCOUNT_ID, 'big', 'd5')).toEqual(['d0']);
  }, 120_000);
});
