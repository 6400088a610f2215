import { describe, expect, it } from 'vitest';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';
import type { Shape } from '../types.ts';

const flow = (
  batching: 'none' | 'per-document' | 'batch',
  batchSize: number,
  parallelUnits: number,
): Shape => ({
  kind: 'flow-control',
  label: '',
  config: { batching, batchSize, parallelUnits },
});
const count: Shape = {
  kind: 'message',
  label: '',
  config: {
    text: '{1}',
    parameters: [{ type: 'execution-property', name: 'DOCUMENT_COUNT' }],
    jsonSafe: true,
    combineDocuments: false,
  },
};

//   start ─▶ flow ─▶ count ─▶ end
function process(shape: Shape) {
  return buildProcess({ start: PASSTHROUGH_START, flow: shape, count, end: sink() }, [
    ['start', 'default', 'flow'],
    ['flow', 'default', 'count'],
    ['count', 'default', 'end'],
  ]);
}

describe('flow-control', () => {
  it('runs the rest of the path once per document', async () => {
    const run = await runTest(process(flow('per-document', 0, 1)), {
      startDocuments: docs('a', 'b', 'c'),
    });
    expect(run.inputs.get('count')?.map((b) => b.length)).toEqual([1, 1, 1]);
    expect(run.dataAt('end')).toEqual(['1', '1', '1']);
  });

  it('runs the rest of the path per batch of x documents', async () => {
    const run = await runTest(process(flow('batch', 2, 1)), {
      startDocuments: docs('a', 'b', 'c'),
    });
    expect(run.inputs.get('count')?.map((b) => b.length)).toEqual([2, 1]);
  });

  it('splits the documents over parallel units (9 over 2 → 5 and 4), but not in test mode', async () => {
    const nine = docs('1', '2', '3', '4', '5', '6', '7', '8', '9');
    const parallel = await runTest(process(flow('none', 0, 2)), { startDocuments: nine });
    expect(
      parallel.inputs
        .get('count')
        ?.map((b) => b.length)
        .sort(),
    ).toEqual([4, 5]);
    const test = await runTest(process(flow('none', 0, 2)), {
      startDocuments: nine,
      testMode: true,
    });
    expect(test.inputs.get('count')?.map((b) => b.length)).toEqual([9]);
    expect(test.outcome.log?.[0]).toMatchObject({ shapeId: 'flow', level: 'info' });
    expect(test.results.get('flow')?.[0]?.logs?.[0]?.message).toContain('disabled in Test mode');
  });
});
