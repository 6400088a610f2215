import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Shape } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { SPENT } from './documents.ts';
import { executeProcess } from './engine.ts';
import { mapHandler } from './handlers/map.ts';
import {
  buildProcess,
  docs,
  LIST_REQUESTS,
  PASSTHROUGH_START,
  runTest,
  SPLIT_RECORDS,
  sink,
} from './test-support.ts';
import type { ConnectorGateway, RunContext, RunDocument } from './types.ts';

// A full collection on demand, so the test can ask whether a batch is still held.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const RECORDS = 2_000;

const split = SPLIT_RECORDS;

const mark: Shape = {
  kind: 'set-properties',
  label: '',
  config: {
    properties: [
      { target: 'dynamic-document', name: 'seen', parts: [{ type: 'static', value: 'yes' }] },
    ],
  },
};

const list: Shape = LIST_REQUESTS;

//   start ─▶ split ─▶ mark ─▶ list ─▶ end
const process = buildProcess({ start: PASSTHROUGH_START, split, mark, list, end: sink() }, [
  ['start', 'default', 'split'],
  ['split', 'default', 'mark'],
  ['mark', 'default', 'list'],
  ['list', 'default', 'end'],
]);

const input = (): RunDocument[] =>
  docs(JSON.stringify(Array.from({ length: RECORDS }, (_, n) => ({ n }))));

/** A rows-only Map: `n` becomes `m`. */
const nToM: Extract<Shape, { kind: 'map' }> = {
  kind: 'map',
  label: '',
  config: { expression: '', mappings: [{ from: 'n', to: 'm' }] },
};

describe('batches down a path', () => {
  it("lets a shape's batch go once the next shape has made its own", async () => {
    // Weak references to the split's records: the listener must not be what holds them.
    let splitRecords: WeakRef<RunDocument>[] = [];
    let stillHeld: number | undefined;
    const gateway: ConnectorGateway = {
      execute: async () => {
        if (stillHeld === undefined) {
          // A task later, so nothing of the engine's last step is on the stack, then collect.
          await new Promise((resolve) => setImmediate(resolve));
          collectGarbage();
          stillHeld = splitRecords.filter((ref) => ref.deref() !== undefined).length;
        }
        return [];
      },
    };
    const outcome = await executeProcess(process, {
      connectors: gateway,
      startDocuments: input(),
      listener: {
        documents: { inputsOf: [], outputsOf: ['split'] },
        shapeFinished: (shapeId, _stats, result) => {
          if (shapeId === 'split') {
            splitRecords = (result?.outputs.get('default') ?? []).map((doc) => new WeakRef(doc));
          }
        },
      },
    });
    expect(outcome.status).toBe('complete');
    expect(splitRecords).toHaveLength(RECORDS);
    // While List runs, Set Properties has made its own documents: the split's are gone.
    expect(stillHeld).toBe(0);
  });

  it("hands a listener only the documents of the shapes it names, and every shape's count", async () => {
    const started: Array<[string, number, number]> = [];
    const finished: Array<[string, number]> = [];
    const outcome = await executeProcess(process, {
      connectors: { execute: async () => [] },
      startDocuments: input(),
      listener: {
        documents: { inputsOf: ['mark'], outputsOf: ['start'] },
        shapeStarted: (shapeId, inputs, count) => started.push([shapeId, inputs.length, count]),
        shapeFinished: (shapeId, _stats, result) =>
          finished.push([shapeId, [...(result?.outputs.values() ?? [])].flat().length]),
      },
    });
    expect(outcome.shapes['mark']?.documentsOut).toBe(RECORDS);
    expect(started).toEqual([
      ['start', 0, 0],
      ['split', 0, 1],
      ['mark', RECORDS, RECORDS],
      ['list', 0, RECORDS],
    ]);
    expect(finished).toEqual([
      ['start', 1],
      ['split', 0],
      ['mark', 0],
      ['list', 0],
    ]);
  });

  it('Map lets each input go once its output is made', async () => {
    const inputs = docs('{"n":1}', '{"n":2}');
    // A rows-only Map reads nothing of the run's context.
    const result = await mapHandler.run(nToM, inputs, {} as RunContext);
    expect(result.outputs.get('default')?.map((d) => d.data)).toEqual(['{"m":1}', '{"m":2}']);
    expect(inputs).toEqual([SPENT, SPENT]);
  });

  it('gives a consuming shape an array of its own: what the listener was handed stays whole', async () => {
    const run = await runTest(
      buildProcess({ start: PASSTHROUGH_START, map: nToM, end: sink() }, [
        ['start', 'default', 'map'],
        ['map', 'default', 'end'],
      ]),
      { startDocuments: docs('{"n":1}', '{"n":2}') },
    );
    const handed = run.results.get('start')?.[0]?.outputs.get('default');
    expect(handed?.map((d) => d.data)).toEqual(['{"n":1}', '{"n":2}']);
    expect(run.dataAt('end')).toEqual(['{"m":1}', '{"m":2}']);
  });
});
