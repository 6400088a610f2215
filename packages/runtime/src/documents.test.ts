import type { ProcessDocument, Shape } from '@junction/process-model';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { executeProcess } from './engine.ts';
import {
  buildProcess,
  docs,
  memoryGateway,
  PASSTHROUGH_START,
  SPLIT_RECORDS,
  sink,
} from './test-support.ts';
import type { RunDocument } from './types.ts';

// Start (passthrough) -> split -> Map (id, upper-cased name) -> Stop.
const splitAndMap = buildProcess(
  {
    start: PASSTHROUGH_START,
    split: SPLIT_RECORDS,
    map: {
      kind: 'map',
      label: '',
      config: {
        expression: '',
        mappings: [
          { from: 'id', to: 'id' },
          { from: 'name', to: 'name', steps: [{ fn: 'upper' }] },
        ],
      },
    },
    end: sink(),
  },
  [
    ['start', 'default', 'split'],
    ['split', 'default', 'map'],
    ['map', 'default', 'end'],
  ],
);

const RECORDS = 1_000;
const records = JSON.stringify(
  Array.from({ length: RECORDS }, (_, i) => ({ id: i, name: `record ${i}` })),
);

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs `process` over the records, counting the `JSON.stringify` calls made meanwhile. */
async function countingStringify(process: ProcessDocument, testMode: boolean) {
  const stringify = vi.spyOn(JSON, 'stringify');
  const outcome = await executeProcess(process, {
    connectors: memoryGateway(),
    startDocuments: docs(records),
    testMode,
  });
  const calls = stringify.mock.calls.length;
  stringify.mockRestore();
  return { outcome, calls };
}

describe('the text of the JSON documents a run makes', () => {
  it('is never written in an execution when nothing reads it', async () => {
    const { outcome, calls } = await countingStringify(splitAndMap, false);
    expect(outcome.status).toBe('complete');
    expect(outcome.shapes['end']?.documentsIn).toBe(RECORDS);
    // 2,000 documents went through the split and the Map; a handful of other calls is the run's own.
    expect(calls).toBeLessThan(20);
  });

  it('reads as what it stands for wherever it is read, in an execution and in Test mode', async () => {
    for (const testMode of [false, true]) {
      const ended: RunDocument[] = [];
      const outcome = await executeProcess(splitAndMap, {
        connectors: memoryGateway(),
        startDocuments: docs(records),
        testMode,
        listener: {
          shapeFinished: (id, _stats, result) => {
            if (id === 'map') {
              ended.push(...(result?.outputs.get('default') ?? []));
            }
          },
        },
      });
      expect(outcome.status).toBe('complete');
      expect(ended.map((d) => d.data)).toEqual(
        Array.from({ length: RECORDS }, (_, i) => `{"id":${i},"name":"RECORD ${i}"}`),
      );
    }
  });

  // Shapes that only read a document's JSON take its kept value instead of its text.
  it.each([
    ['Combine', { kind: 'data-process', label: '', config: { steps: [{ type: 'combine' }] } }, 1],
    [
      'Find Changes',
      { kind: 'find-changes', label: '', config: { cache: 'seen', keyPath: 'id' } },
      RECORDS,
    ],
  ] as const)('is not written in an execution for %s to read', async (_name, shape, written) => {
    const readsSplit = buildProcess(
      { start: PASSTHROUGH_START, split: SPLIT_RECORDS, reader: shape as Shape, end: sink() },
      [
        ['start', 'default', 'split'],
        ['split', 'default', 'reader'],
        ['reader', shape.kind === 'find-changes' ? 'add' : 'default', 'end'],
      ],
    );
    const { outcome, calls } = await countingStringify(readsSplit, false);
    expect(outcome.status).toBe('complete');
    expect(outcome.shapes['reader']?.documentsIn).toBe(RECORDS);
    // What the shape writes itself (Find Changes: each record's text for its cache), and a
    // handful of the run's own; not the split's 1,000 texts on top.
    expect(calls).toBeLessThan(written + 20);
  });

  it('is written at once in Test mode, which counts the bytes of every document', async () => {
    const { calls } = await countingStringify(splitAndMap, true);
    expect(calls).toBeGreaterThanOrEqual(2 * RECORDS);
  });

  it('carries a record nested deeper than JSON.stringify reaches, in both modes', async () => {
    const deep = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
    const split = buildProcess({ start: PASSTHROUGH_START, split: SPLIT_RECORDS, end: sink() }, [
      ['start', 'default', 'split'],
      ['split', 'default', 'end'],
    ]);
    for (const testMode of [false, true]) {
      const arrived: string[] = [];
      const outcome = await executeProcess(split, {
        connectors: memoryGateway(),
        startDocuments: docs(`[{"a":1},${deep}]`),
        testMode,
        listener: {
          shapeStarted: (id, batch) => {
            if (id === 'end') {
              arrived.push(...batch.map((d) => d.data));
            }
          },
        },
      });
      expect(outcome.status).toBe('complete');
      expect(arrived).toEqual(['{"a":1}', deep]);
    }
  });
});
