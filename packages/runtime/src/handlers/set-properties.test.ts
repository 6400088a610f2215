import { describe, expect, it } from 'vitest';
import { executeProcess } from '../engine.ts';
import { createMemoryPropertyStore } from '../stores.ts';
import {
  buildProcess,
  docs,
  memoryGateway,
  PASSTHROUGH_START,
  runTest,
  sink,
} from '../test-support.ts';
import type { Shape } from '../types.ts';

describe('set-properties', () => {
  it('concatenates the parts in order and leaves the data alone', async () => {
    const shape: Shape = {
      kind: 'set-properties',
      label: '',
      config: {
        properties: [
          {
            target: 'dynamic-document',
            name: 'file',
            parts: [
              { type: 'static', value: 'order-' },
              { type: 'profile-element', path: 'id' },
              { type: 'static', value: '.json' },
            ],
          },
          {
            target: 'dynamic-document',
            name: 'copy',
            parts: [{ type: 'document-property', name: 'file' }],
          },
          {
            target: 'dynamic-document',
            name: 'exec',
            parts: [{ type: 'execution-property', name: 'DOCUMENT_COUNT' }],
          },
        ],
      },
    };
    const process = buildProcess({ start: PASSTHROUGH_START, shape, end: sink() }, [
      ['start', 'default', 'shape'],
      ['shape', 'default', 'end'],
    ]);
    const run = await runTest(process, { startDocuments: docs('{"id":7}', '{"id":8}') });
    const out = run.inputs.get('end')?.flat() ?? [];
    expect(out.map((d) => d.properties)).toEqual([
      { file: 'order-7.json', copy: 'order-7.json', exec: '2' },
      { file: 'order-8.json', copy: 'order-8.json', exec: '2' },
    ]);
    expect(out.map((d) => d.data)).toEqual(['{"id":7}', '{"id":8}']);
    expect(out.map((d) => d.id)).toEqual(['in1', 'in2']);
  });

  it('keeps one process property per execution (last write wins) and persists on request', async () => {
    const shape: Shape = {
      kind: 'set-properties',
      label: '',
      config: {
        properties: [
          {
            target: 'dynamic-process',
            name: 'last',
            persist: true,
            parts: [{ type: 'profile-element', path: 'id' }],
          },
        ],
      },
    };
    const process = buildProcess({ start: PASSTHROUGH_START, shape }, [
      ['start', 'default', 'shape'],
    ]);
    const store = createMemoryPropertyStore();
    const properties = new Map<string, string>();
    await executeProcess(process, {
      connectors: memoryGateway(),
      startDocuments: docs('{"id":1}', '{"id":2}'),
      processProperties: properties,
      persistedProperties: store,
    });
    expect(await store.load(process.id)).toEqual({ last: '2' });
    // The next execution starts with the persisted value.
    const reader: Shape = {
      kind: 'message',
      label: '',
      config: {
        text: '{1}',
        parameters: [{ type: 'process-property', name: 'last' }],
        jsonSafe: true,
        combineDocuments: false,
      },
    };
    const next = buildProcess({ start: PASSTHROUGH_START, reader, end: sink() }, [
      ['start', 'default', 'reader'],
      ['reader', 'default', 'end'],
    ]);
    const run = await runTest(next, { startDocuments: docs(''), persistedProperties: store });
    expect(run.dataAt('end')).toEqual(['2']);
  });
});
