import { describe, expect, it } from 'vitest';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';
import type { Shape } from '../types.ts';

function map(expression: string, mappings: Array<{ from: string; to: string }> = []): Shape {
  return { kind: 'map', label: '', config: { expression, mappings } };
}

async function runMap(shape: Shape, ...data: string[]) {
  const process = buildProcess({ start: PASSTHROUGH_START, shape, end: sink() }, [
    ['start', 'default', 'shape'],
    ['shape', 'default', 'end'],
  ]);
  return runTest(process, { startDocuments: docs(...data) });
}

describe('map', () => {
  it('copies fields by rows into a new document', async () => {
    const run = await runMap(
      map('', [
        { from: 'asset.id', to: 'id' },
        { from: 'asset.items[0].qty', to: 'lines[0].quantity' },
        { from: 'missing', to: 'x' },
      ]),
      '{"asset":{"id":"AS-1","items":[{"qty":3}]}}',
    );
    expect(run.dataAt('end')).toEqual(['{"id":"AS-1","lines":[{"quantity":3}]}']);
  });

  it('evaluates JSONata with document properties bound, then applies rows on top', async () => {
    const run = await runMap(
      map('{"total": $sum(items.price), "who": $property("owner")}', [{ from: 'ref', to: 'ref' }]),
      '{"items":[{"price":2},{"price":3}],"ref":"R"}',
    );
    expect(JSON.parse(run.dataAt('end')[0] ?? '')).toEqual({ total: 5, ref: 'R' });
  });

  it('fails only the document that is not JSON or produces nothing', async () => {
    const run = await runMap(map('nothing.here'), 'not json', '{"a":1}', '{"nothing":{"here":1}}');
    expect(run.dataAt('end')).toEqual(['1']);
    expect(run.outcome.failedDocuments?.map((e) => e.document.id)).toEqual(['in1', 'in2']);
    expect(run.outcome.status).toBe('error');
  });
});

describe('map guardrails', () => {
  it('stops an endless expression and fails only that document', async () => {
    const run = await runMap(
      map('($loop := function($n){ $n > 0 ? $loop($n) : 0 }; $loop(1))'),
      '{}',
    );
    expect(run.outcome.failedDocuments?.[0]?.message).toMatch(/^Map: /);
  }, 20_000);

  it('fails the documents, not the process, on a syntax error', async () => {
    const run = await runMap(map('$sum('), '{}', '{}');
    expect(run.outcome.failedDocuments).toHaveLength(2);
  });
});
