import type { Shape } from '@junction/process-model';
import { afterAll, describe, expect, it } from 'vitest';
import { executeProcess } from './engine.ts';
import { buildProcess, docs, LIST_REQUESTS, PASSTHROUGH_START, sink } from './test-support.ts';
import { createEnginePool } from './threads/engine-pool.ts';
import type { RunDocument } from './types.ts';

const pool = createEnginePool({ threads: 1, runsPerThread: 4 });
afterAll(() => pool.close());

/** Start → List requests → sink. */
const listOnly = buildProcess({ start: PASSTHROUGH_START, list: LIST_REQUESTS, end: sink() }, [
  ['start', 'default', 'list'],
  ['list', 'default', 'end'],
]);

/** A Start that lists requests → sink. */
const listAtStart = buildProcess(
  {
    start: {
      kind: 'start',
      label: '',
      config: { mode: 'connector', operation: LIST_REQUESTS.config },
    } as Shape,
    end: sink(),
  },
  [['start', 'default', 'end']],
);

const encode = (records: unknown[]) => new TextEncoder().encode(JSON.stringify(records));

/** A gateway whose calls are numbered from 1, each answering the pages `pagesOf` yields for it. */
function numberedCalls(pagesOf: (call: number) => AsyncGenerator<Uint8Array>) {
  let calls = 0;
  return { execute: async () => ({ pages: pagesOf(++calls) }) };
}

// Each case runs in this thread and in a pool thread: the listener must hear the same.
describe("a connector's outputs handed to the listener before the shape finishes", () => {
  it("hands the listener a connector's outputs page by page, and withdraws a failed call's at once", async () => {
    for (const run of [executeProcess, pool.execute] as const) {
      const heard: unknown[] = [];
      const early: RunDocument[] = [];
      let finished: RunDocument[] = [];
      const ids = (docs: readonly RunDocument[]) => docs.map((d) => JSON.parse(d.data).id);
      const outcome = await run(listOnly, {
        startDocuments: docs('a', 'b', 'c'),
        connectors: numberedCalls(async function* (call) {
          yield encode([{ id: `PR-${call}.1` }, { id: `PR-${call}.2` }]);
          // The second input's call fails on its second page.
          yield call === 2 ? new TextEncoder().encode('[{') : encode([{ id: `PR-${call}.3` }]);
        }),
        listener: {
          shapeEmitting: (shapeId, port, documents) => {
            heard.push(['emitting', shapeId, port, ids(documents)]);
            early.push(...documents);
          },
          shapeWithdrawing: (shapeId, documents) =>
            heard.push(['withdrawing', shapeId, ids(documents)]),
          shapeFinished: (id, _stats, result) => {
            if (id === 'list') {
              finished = result?.outputs.get('default') ?? [];
              heard.push(['finished', id, result?.errors.map((e) => e.document.data)]);
            }
          },
        },
      });
      expect(outcome.status).toBe('error');
      expect(heard).toEqual([
        ['emitting', 'list', 'default', ['PR-1.1', 'PR-1.2']],
        ['emitting', 'list', 'default', ['PR-1.3']],
        ['emitting', 'list', 'default', ['PR-2.1', 'PR-2.2']],
        // Before the third call reads anything: the failed call's records need not be kept.
        ['withdrawing', 'list', ['PR-2.1', 'PR-2.2']],
        ['emitting', 'list', 'default', ['PR-3.1', 'PR-3.2']],
        ['emitting', 'list', 'default', ['PR-3.3']],
        ['finished', 'list', ['b']],
      ]);
      // The result holds the very objects the listener had, the withdrawn ones left out.
      const kept = early.filter((d) => !JSON.parse(d.data).id.startsWith('PR-2'));
      expect(finished).toHaveLength(6);
      for (const [i, doc] of finished.entries()) {
        expect(doc).toBe(kept[i]);
      }
    }
  });

  it('keeps the early outputs of each run of a shape apart when Flow Control runs them at once', async () => {
    const parallel = buildProcess(
      {
        start: PASSTHROUGH_START,
        fibers: {
          kind: 'flow-control',
          label: '',
          config: { batching: 'per-document', batchSize: 1, parallelUnits: 2 },
        } as Shape,
        list: LIST_REQUESTS,
        end: sink(),
      },
      [
        ['start', 'default', 'fibers'],
        ['fibers', 'default', 'list'],
        ['list', 'default', 'end'],
      ],
    );
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    for (const run of [executeProcess, pool.execute] as const) {
      const emitted: RunDocument[] = [];
      const withdrawn: RunDocument[] = [];
      const finished: RunDocument[][] = [];
      const outcome = await run(parallel, {
        startDocuments: docs('a', 'b'),
        connectors: numberedCalls(async function* (call) {
          for (let page = 1; page <= 3; page++) {
            // The two calls take turns, page by page; the second ends first.
            await tick();
            yield encode([{ id: `PR-${call}.${page}` }]);
            if (call === 2 && page === 2) {
              return;
            }
          }
        }),
        listener: {
          shapeEmitting: (_id, _port, documents) => emitted.push(...documents),
          shapeWithdrawing: (_id, documents) => withdrawn.push(...documents),
          shapeFinished: (id, _stats, result) => {
            if (id === 'list') {
              finished.push(result?.outputs.get('default') ?? []);
            }
          },
        },
      });
      expect(outcome.status).toBe('complete');
      // One run finishing takes back nothing of the other's, still going.
      expect(withdrawn).toEqual([]);
      const ids = (list: readonly RunDocument[]) => list.map((d) => JSON.parse(d.data).id);
      expect(finished.map(ids)).toEqual([
        ['PR-2.1', 'PR-2.2'],
        ['PR-1.1', 'PR-1.2', 'PR-1.3'],
      ]);
      for (const doc of finished.flat()) {
        expect(emitted).toContain(doc);
      }
    }
  });

  it('withdraws everything a connector emitted when the shape itself fails (the test-mode limit)', async () => {
    for (const run of [executeProcess, pool.execute] as const) {
      const heard: unknown[] = [];
      const outcome = await run(listOnly, {
        startDocuments: docs('a'),
        testMode: true,
        testLimits: { documentsPerInbound: 2 },
        connectors: { execute: async () => [{ id: 'PR-1' }, { id: 'PR-2' }, { id: 'PR-3' }] },
        listener: {
          shapeEmitting: (_id, _port, documents) => heard.push(['emitting', documents.length]),
          shapeWithdrawing: (_id, documents) => heard.push(['withdrawing', documents.length]),
          shapeFinished: (id, _stats, result) => {
            if (id === 'list') {
              heard.push(['finished', result?.outputs.size ?? 0]);
            }
          },
        },
      });
      expect(outcome.status).toBe('error');
      expect(heard).toEqual([
        ['emitting', 3],
        ['withdrawing', 3],
        ['finished', 0],
      ]);
    }
  });

  it('hands the listener the records of a Start that lists early, parentless, as its result holds them', async () => {
    for (const run of [executeProcess, pool.execute] as const) {
      const early: RunDocument[] = [];
      let finished: RunDocument[] = [];
      const outcome = await run(listAtStart, {
        connectors: { execute: async () => [{ id: 'PR-1' }, { id: 'PR-2' }] },
        listener: {
          shapeEmitting: (_id, _port, documents) => early.push(...documents),
          shapeFinished: (id, _stats, result) => {
            if (id === 'start') {
              finished = result?.outputs.get('default') ?? [];
            }
          },
        },
      });
      expect(outcome.status).toBe('complete');
      expect(early.map((d) => d.parentId)).toEqual([undefined, undefined]);
      expect(finished).toHaveLength(2);
      for (const [i, doc] of finished.entries()) {
        expect(doc).toBe(early[i]);
      }
    }
  });

  it("withdraws a Start List's failed call at once, naming the parentless copies it emitted", async () => {
    for (const run of [executeProcess, pool.execute] as const) {
      const heard: Array<[string, readonly RunDocument[]]> = [];
      const outcome = await run(listAtStart, {
        connectors: {
          execute: async () => ({
            pages: (async function* () {
              yield new TextEncoder().encode('[{"id":"PR-1"},{"id":"PR-2"}]');
              yield new TextEncoder().encode('[{');
            })(),
          }),
        },
        listener: {
          shapeEmitting: (_id, _port, documents) => heard.push(['emitting', documents]),
          shapeWithdrawing: (_id, documents) => heard.push(['withdrawing', documents]),
        },
      });
      expect(outcome.status).toBe('error');
      expect(heard.map(([what, documents]) => [what, documents.length])).toEqual([
        ['emitting', 2],
        ['withdrawing', 2],
      ]);
      const [emitted, withdrawn] = heard.map(([, documents]) => documents);
      for (const [i, doc] of (withdrawn ?? []).entries()) {
        expect(doc).toBe(emitted?.[i]);
      }
    }
  });
});
