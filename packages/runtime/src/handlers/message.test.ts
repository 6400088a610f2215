import { describe, expect, it } from 'vitest';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';
import type { Shape } from '../types.ts';

function message(text: string, jsonSafe: boolean, combineDocuments = false): Shape {
  return {
    kind: 'message',
    label: '',
    config: {
      text,
      parameters: [
        { type: 'profile-element', path: 'id' },
        { type: 'execution-property', name: 'PROCESS_NAME' },
      ],
      jsonSafe,
      combineDocuments,
    },
  };
}

async function render(shape: Shape, ...data: string[]) {
  const process = buildProcess({ start: PASSTHROUGH_START, shape, end: sink() }, [
    ['start', 'default', 'shape'],
    ['shape', 'default', 'end'],
  ]);
  return runTest(process, { startDocuments: docs(...data) });
}

describe('message', () => {
  it('replaces each document with the rendered text, Boomi quote rules', async () => {
    const run = await render(
      message('\'{\'"id": {1}, "p": "{2}"\'}\'', false),
      '{"id":1}',
      '{"id":2}',
    );
    expect(run.dataAt('end')).toEqual([
      '{"id": 1, "p": "Test process"}',
      '{"id": 2, "p": "Test process"}',
    ]);
  });

  it('renders JSON without quote wrapping in JSON-safe mode', async () => {
    const run = await render(message('{"id": {1}, "note": "it\'s"}', true), '{"id":3}');
    expect(run.dataAt('end')).toEqual(['{"id": 3, "note": "it\'s"}']);
  });

  it('combines the batch into one document made from the first', async () => {
    const run = await render(message('n={1}', true, true), '{"id":1}', '{"id":2}');
    const out = run.inputs.get('end')?.flat() ?? [];
    expect(out).toHaveLength(1);
    expect(out[0]?.parentId).toBe('in1');
  });
});
