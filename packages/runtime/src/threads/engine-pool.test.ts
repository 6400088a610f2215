import { afterAll, describe, expect, it, vi } from 'vitest';
import { executeProcess } from '../engine.ts';
import {
  buildProcess,
  docs,
  LIST_REQUESTS,
  PASSTHROUGH_START,
  recordingListener,
  scriptShape,
  sink,
} from '../test-support.ts';
import { ConnectorCallError } from '../types.ts';
import { createEnginePool, threadEnvironment } from './engine-pool.ts';

const pool = createEnginePool({ threads: 1, runsPerThread: 4 });
afterAll(() => pool.close());

/** Start → script → List requests → sink, plus a second path that passes documents on unchanged. */
const process = buildProcess(
  {
    start: PASSTHROUGH_START,
    up: scriptShape(
      'logger.info("upper"); return documents.map((d, index) => ({ data: d.data.toUpperCase(), index }));',
    ),
    list: LIST_REQUESTS,
    end: sink(),
  },
  [
    ['start', 'default', 'up'],
    ['up', 'default', 'list'],
    ['list', 'default', 'end'],
  ],
);

/** Start → List requests → sink. */
const listOnly = buildProcess({ start: PASSTHROUGH_START, list: LIST_REQUESTS, end: sink() }, [
  ['start', 'default', 'list'],
  ['list', 'default', 'end'],
]);

describe('the engine in a pool thread', () => {
  it('gives the same outcome and listener events as the engine in this thread', async () => {
    const gateway = {
      execute: async (_op: unknown, request: { filter?: string }) => [
        { id: 'PR-1', seen: request.filter ?? null },
      ],
    };
    const here = recordingListener();
    const there = recordingListener();
    const options = { startDocuments: docs('a', 'b'), executionId: 'x1' };
    const inProcess = await executeProcess(process, {
      ...options,
      connectors: gateway,
      listener: here.listener,
    });
    const threaded = await pool.execute(process, {
      ...options,
      connectors: gateway,
      listener: there.listener,
    });
    const timeless = (o: typeof inProcess) =>
      JSON.parse(JSON.stringify(o, (k, v) => (k === 'elapsedMs' ? 0 : v)));
    expect(timeless(threaded)).toEqual(timeless(inProcess));
    expect(there.events).toEqual(here.events);
    expect(threaded.log?.map((l) => l.message)).toContain('upper');
  });

  it('sends the host only the documents its listener asks for, with every count', async () => {
    const there = recordingListener();
    const gateway = { execute: async () => [{ id: 'PR-1' }] };
    await pool.execute(process, {
      startDocuments: docs('a', 'b'),
      connectors: gateway,
      listener: { ...there.listener, documents: { inputsOf: ['list'], outputsOf: ['start'] } },
    });
    expect(there.events.filter((e) => (e as string[])[0] !== 'log')).toEqual([
      ['started', 'start', []],
      ['finished', 'start', 'done', [['default', 2]]],
      ['carried', 'c1', 2],
      ['started', 'up', []],
      ['finished', 'up', 'done', []],
      ['carried', 'c2', 2],
      ['started', 'list', ['A', 'B']],
      ['finished', 'list', 'done', []],
      ['carried', 'c3', 2],
      ['started', 'end', []],
      ['finished', 'end', 'done', []],
    ]);
    const counts: number[] = [];
    await pool.execute(process, {
      startDocuments: docs('a', 'b'),
      connectors: gateway,
      listener: {
        documents: { inputsOf: [], outputsOf: [] },
        shapeStarted: (_id, _inputs, count) => counts.push(count),
      },
    });
    expect(counts).toEqual([0, 2, 2, 2]);
  });

  it('reports every quick run by its outcome, never as a thread that stopped', async () => {
    // A script keeps it in a thread: Start → Stop alone would run on this one.
    const quick = buildProcess(
      { start: PASSTHROUGH_START, up: scriptShape('return documents;'), end: sink() },
      [
        ['start', 'default', 'up'],
        ['up', 'default', 'end'],
      ],
    );
    const statuses = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const outcome = await pool.execute(quick, {
        startDocuments: docs('a'),
        connectors: { execute: async () => [] },
      });
      statuses.add(outcome.error ?? outcome.status);
    }
    expect([...statuses]).toEqual(['complete']);
  });

  it('hands the listener the same object for a document sent on unchanged', async () => {
    const there = recordingListener();
    const passOn = buildProcess(
      {
        start: PASSTHROUGH_START,
        up: scriptShape('return documents.map((d, index) => ({ data: d.data + "!", index }));'),
        end: sink(),
      },
      [
        ['start', 'default', 'up'],
        ['up', 'default', 'end'],
      ],
    );
    await pool.execute(passOn, {
      startDocuments: docs('a'),
      connectors: { execute: async () => [] },
      listener: {
        ...there.listener,
        shapeFinished: (id, _s, result) => {
          for (const doc of result?.outputs.get('default') ?? []) {
            there.seen.push({ shapeId: `${id}:out`, doc });
          }
        },
      },
    });
    const out = there.seen.find((s) => s.shapeId === 'up:out')?.doc;
    const into = there.seen.find((s) => s.shapeId === 'end')?.doc;
    expect(into?.data).toBe('a!');
    expect(into).toBe(out);
  });

  it('brings a connector failure back as the error the engine classifies', async () => {
    const outcome = await pool.execute(process, {
      startDocuments: docs('a'),
      connectors: {
        execute: async () => {
          throw new ConnectorCallError('failure', 'Connect said no (503)', 503, { error: 'busy' });
        },
      },
    });
    expect(outcome.status).toBe('error');
    expect(JSON.stringify(outcome)).toContain('Connect said no (503)');
  });

  it("moves a connector's pages to the thread as they arrive and parses them there", async () => {
    const sent: Uint8Array[] = [];
    const page = (records: unknown[]) => {
      const bytes = new TextEncoder().encode(JSON.stringify(records));
      sent.push(bytes);
      return bytes;
    };
    let recordsOut = 0;
    const outcome = await pool.execute(listOnly, {
      startDocuments: docs('a'),
      connectors: {
        execute: async () => ({
          pages: (async function* () {
            yield page([{ id: 'PR-1', text: 'ünïcode "q" \u2028' }]);
            yield undefined;
            yield page([{ id: 'PR-2' }, { id: 'PR-3' }]);
          })(),
        }),
      },
      listener: {
        shapeFinished: (id, _stats, result) => {
          if (id === 'list') {
            const out = result?.outputs.get('default') ?? [];
            recordsOut = out.length;
            expect(out.map((d) => JSON.parse(d.data))).toEqual([
              { id: 'PR-1', text: 'ünïcode "q" \u2028' },
              { id: 'PR-2' },
              { id: 'PR-3' },
            ]);
          }
        },
      },
    });
    expect(outcome.status).toBe('complete');
    expect(recordsOut).toBe(3);
    // Transferred, not copied: the host's bytes are gone.
    expect(sent.map((bytes) => bytes.byteLength)).toEqual([0, 0]);
  });

  it('fails the document on a malformed page, and stops the host fetching', async () => {
    let fetched = 0;
    let stopped = false;
    const outcome = await pool.execute(listOnly, {
      startDocuments: docs('a'),
      connectors: {
        execute: async (_op, _request, signal) => ({
          pages: (async function* () {
            try {
              for (;;) {
                fetched += 1;
                yield new TextEncoder().encode(fetched === 2 ? '[{"id":' : '[{"id":1}]');
                await new Promise((resolve) => setTimeout(resolve, 5));
                signal.throwIfAborted();
              }
            } finally {
              stopped = true;
            }
          })(),
        }),
      },
    });
    expect(outcome.status).toBe('error');
    expect(JSON.stringify(outcome)).toContain('Page 2 of the list is not valid JSON');
    await vi.waitFor(() => expect(stopped).toBe(true));
    expect(fetched).toBeLessThan(10);
  });

  it('aborts a run whose host call is pending when the host aborts', async () => {
    const controller = new AbortController();
    let markStarted = () => {};
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    const running = pool.execute(process, {
      startDocuments: docs('a'),
      signal: controller.signal,
      connectors: {
        execute: (_op, _request, signal) =>
          new Promise((_resolve, reject) => {
            markStarted();
            signal.addEventListener('abort', () => reject(new Error('call cancelled')));
          }),
      },
    });
    await started;
    controller.abort(new Error('stop now'));
    const outcome = await running;
    expect(outcome.status).toBe('aborted');
  });
});

describe('a warm pool', () => {
  it('has every thread loaded before its first run, and keeps them; a cold one starts with runs', async () => {
    const warm = createEnginePool({ threads: 2, runsPerThread: 2, warm: true });
    const cold = createEnginePool({ threads: 2, runsPerThread: 2 });
    try {
      await warm.ready();
      expect(warm.threads()).toHaveLength(2);
      await cold.ready();
      expect(cold.threads()).toHaveLength(0);
      const outcome = await warm.execute(process, { connectors: { execute: async () => [] } });
      expect(outcome.status).toBe('complete');
      expect(warm.threads()).toHaveLength(2);
    } finally {
      await Promise.all([warm.close(), cold.close()]);
    }
  });
});

describe('a thread that dies', () => {
  it('ends its run as ERROR saying the thread stopped, and the next run works', async () => {
    const lone = createEnginePool({ threads: 1, runsPerThread: 1 });
    try {
      let markCalled = () => {};
      const called = new Promise<void>((resolve) => {
        markCalled = resolve;
      });
      const running = lone.execute(process, {
        startDocuments: docs('a'),
        // The thread waits on this call when it is stopped.
        connectors: {
          execute: () => {
            markCalled();
            return new Promise(() => undefined);
          },
        },
      });
      await called;
      // What a fatal error in the thread does: the thread exits under its runs.
      await Promise.all(lone.threads().map((thread) => thread.terminate()));
      const outcome = await running;
      expect(outcome.status).toBe('error');
      expect(outcome.error).toMatch(/^The run's engine thread stopped unexpectedly \(.+\)\.$/);
      expect(outcome.shapes['list']).toMatchObject({ status: 'error', message: outcome.error });
      const next = await lone.execute(process, {
        startDocuments: docs('b'),
        connectors: { execute: async () => [{ id: 'PR-2' }] },
      });
      expect(next.status).toBe('complete');
    } finally {
      await lone.close();
    }
  });
});

describe('the environment of an engine thread', () => {
  it('keeps PATH and locale settings and drops keys, tokens and database URLs', () => {
    expect(
      threadEnvironment({
        PATH: '/usr/bin',
        TZ: 'UTC',
        LC_ALL: 'C',
        JUNCTION_SECRET_KEY: 'k',
        JUNCTION_ACCESS_TOKEN: 't',
        DATABASE_URL: 'postgresql://u:p@db/x',
        PGPASSWORD: 'p',
        AWS_SECRET_ACCESS_KEY: 's',
      }),
    ).toEqual({ PATH: '/usr/bin', TZ: 'UTC', LC_ALL: 'C' });
  });
});
