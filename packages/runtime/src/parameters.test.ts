import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from './test-support.ts';
import type { Shape } from './types.ts';

// A Message shape renders `{1}|{2}|…` so each parameter value shows in the output.
async function render(parameters: Extract<Shape, { kind: 'message' }>['config']['parameters']) {
  const text = parameters.map((_, i) => `{${i + 1}}`).join('|');
  const shape: Shape = {
    kind: 'message',
    label: '',
    config: { text, parameters, jsonSafe: true, combineDocuments: false },
  };
  const process = buildProcess({ start: PASSTHROUGH_START, shape, end: sink() }, [
    ['start', 'default', 'shape'],
    ['shape', 'default', 'end'],
  ]);
  const run = await runTest(process, {
    startDocuments: [
      ...docs('{"a":1}', '{"a":2}').map((d) => ({
        ...d,
        properties: { 'execution.PROCESS_ID': 'a document property' },
      })),
    ],
  });
  return run.dataAt('end');
}

describe('parameter values', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads execution properties from the run, and DOCUMENT_COUNT as the batch size', async () => {
    const out = await render([
      { type: 'execution-property', name: 'PROCESS_NAME' },
      { type: 'execution-property', name: 'DOCUMENT_COUNT' },
      { type: 'execution-property', name: 'EXECUTION_ID' },
    ]);
    expect(out).toHaveLength(2);
    const [name, count, executionId] = out[0]?.split('|') ?? [];
    expect(name).toBe('Test process');
    expect(count).toBe('2');
    expect(executionId).not.toBe('');
  });

  it('no longer treats a document property named execution.X as an execution property', async () => {
    const out = await render([{ type: 'document-property', name: 'execution.PROCESS_ID' }]);
    expect(out).toEqual(['a document property', 'a document property']);
  });

  it('formats the current date in UTC with a mask, ISO 8601 without one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-04T05:06:07.089Z'));
    const out = await render([
      { type: 'current-date' },
      { type: 'current-date', format: "yyyyMMdd'T'HHmmss.SSS" },
    ]);
    expect(out[0]).toBe('2026-03-04T05:06:07.089Z|20260304T050607.089');
  });
});
