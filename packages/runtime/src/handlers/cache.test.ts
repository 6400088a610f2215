import { describe, expect, it } from 'vitest';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';
import type { Shape } from '../types.ts';

const key = [{ type: 'profile-element', path: 'id' } as const];
const add: Shape = { kind: 'add-to-cache', label: '', config: { cache: 'accounts', key } };
const lookupBy = (path: string, failIfMissing: boolean, allDocuments = false): Shape => ({
  kind: 'retrieve-from-cache',
  label: '',
  config: {
    cache: 'accounts',
    allDocuments,
    key: [{ type: 'profile-element', path }],
    failIfMissing,
  },
});
const setRef: Shape = {
  kind: 'set-properties',
  label: '',
  config: {
    properties: [
      {
        target: 'dynamic-document',
        name: 'ref',
        parts: [{ type: 'profile-element', path: 'name' }],
      },
    ],
  },
};

//   start ─▶ branch ─1─▶ setRef ─▶ add ─▶ s1
//                  └─2─▶ lookup ─▶ s2        (path 2 receives the lookup documents)
function process(lookup: Shape, extra: Shape | undefined = undefined) {
  const shapes: Record<string, Shape> = {
    start: PASSTHROUGH_START,
    branch: { kind: 'branch', label: '', config: { count: 2 } },
    setRef,
    add,
    s1: sink(),
    lookup,
    s2: sink(),
  };
  const wires: Array<[string, string, string]> = [
    ['start', 'default', 'branch'],
    ['branch', '1', 'setRef'],
    ['setRef', 'default', 'add'],
    ['add', 'default', 's1'],
    ['branch', '2', 'lookup'],
    ['lookup', 'default', 's2'],
  ];
  if (extra) {
    shapes['remove'] = extra;
    wires.splice(4, 1, ['add', 'default', 'remove'], ['remove', 'default', 's1']);
  }
  return buildProcess(shapes, wires);
}

describe('document cache', () => {
  it('retrieves cached data and properties by key for the rest of the execution', async () => {
    const run = await runTest(process(lookupBy('id', true)), {
      startDocuments: docs('{"id":"a","name":"A"}', '{"id":"b","name":"B"}'),
    });
    const out = run.inputs.get('s2')?.flat() ?? [];
    expect(out.map((d) => [d.data, d.properties['ref']])).toEqual([
      ['{"id":"a","name":"A"}', 'A'],
      ['{"id":"b","name":"B"}', 'B'],
    ]);
    expect(out.map((d) => d.parentId)).toEqual(['in1', 'in2']);
  });

  it('ends quietly or fails the document when nothing is cached, as configured', async () => {
    const quiet = await runTest(process(lookupBy('other', false)), {
      startDocuments: docs('{"id":"a","other":"zzz"}'),
    });
    expect(quiet.outcome.status).toBe('complete');
    expect(quiet.inputs.has('s2')).toBe(false);
    const loud = await runTest(process(lookupBy('other', true)), {
      startDocuments: docs('{"id":"a","other":"zzz"}'),
    });
    expect(loud.outcome.failedDocuments?.[0]?.message).toBe(
      'Retrieve From Cache: nothing in cache "accounts" for key "zzz".',
    );
  });

  it('removes entries and fails a document whose key is empty', async () => {
    const remove: Shape = {
      kind: 'remove-from-cache',
      label: '',
      config: { cache: 'accounts', allDocuments: true, key: [] },
    };
    const run = await runTest(process(lookupBy('id', false, true), remove), {
      startDocuments: docs('{"id":"a"}', '{"name":"no id"}'),
    });
    expect(run.inputs.has('s2')).toBe(false);
    expect(run.outcome.failedDocuments?.map((e) => e.document.id)).toEqual(['in2']);
  });
});
