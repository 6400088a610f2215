import { afterEach, describe, expect, it, vi } from 'vitest';
import { readProfileElement } from './parameters.ts';
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

describe('profile elements of a plain document', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('parses a document once for all the fields a shape reads of it', async () => {
    const parse = vi.spyOn(JSON, 'parse');
    const out = await render([
      { type: 'profile-element', path: 'a' },
      { type: 'profile-element', path: 'a' },
      { type: 'profile-element', path: 'missing' },
    ]);
    expect(out).toEqual(['1|1|', '2|2|']);
    // Two start documents, one parse each (the runner parses nothing else here).
    expect(parse.mock.calls.filter(([text]) => text === '{"a":1}')).toHaveLength(1);
    expect(parse.mock.calls.filter(([text]) => text === '{"a":2}')).toHaveLength(1);
  });

  it('reads a document again once its text changed, and text that is not JSON as blank', () => {
    const doc = { id: 'd', data: '{"a":"first"}', properties: {} };
    expect(readProfileElement(doc, 'a')).toBe('first');
    doc.data = '{"a":"second"}';
    expect(readProfileElement(doc, 'a')).toBe('second');
    doc.data = 'not json';
    expect(readProfileElement(doc, 'a')).toBe('');
    expect(readProfileElement(doc, 'a')).toBe('');
  });
});
