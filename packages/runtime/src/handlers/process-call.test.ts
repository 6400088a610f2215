import type { ProcessDocument } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';
import type { Shape } from '../types.ts';

const call = (
  processId: string,
  returnPaths: string[],
  abortOnFailure = false,
  wait = true,
): Shape => ({
  kind: 'process-call',
  label: '',
  config: { processId, wait, abortOnFailure, returnPaths },
});
const ret = (label: string): Shape => ({ kind: 'return-documents', label: '', config: { label } });
const decision: Shape = {
  kind: 'decision',
  label: '',
  config: {
    left: { type: 'profile-element', path: 'ok' },
    operator: 'equals',
    right: { type: 'static', value: 'true' },
  },
};
const setDpp: Shape = {
  kind: 'set-properties',
  label: '',
  config: {
    properties: [
      {
        target: 'dynamic-process',
        name: 'child',
        persist: false,
        parts: [{ type: 'static', value: 'was here' }],
      },
    ],
  },
};
const fail: Shape = {
  kind: 'exception',
  label: '',
  config: { title: 'Child failed', text: '', parameters: [], stopEntireProcess: false },
};

// child "sorter" (passthrough):  start ─▶ setDpp ─▶ decision ─true─▶ good (Return "Good")
//                                                          └false─▶ bad  (Return "Bad")
const sorter = buildProcess(
  { start: PASSTHROUGH_START, setDpp, decision, good: ret('Good'), bad: ret('Bad') },
  [
    ['start', 'default', 'setDpp'],
    ['setDpp', 'default', 'decision'],
    ['decision', 'true', 'good'],
    ['decision', 'false', 'bad'],
  ],
  { id: 'sorter', name: 'Sorter' },
);
// child "failing" (passthrough): start ─▶ exception
const failing = buildProcess({ start: PASSTHROUGH_START, fail }, [['start', 'default', 'fail']], {
  id: 'failing',
  name: 'Failing',
});
// child "nodata" (No Data start): start ─▶ Return "Out"
const noData = buildProcess({ out: ret('Out') }, [['start', 'default', 'out']], {
  id: 'nodata',
  name: 'No data',
});

const library = new Map<string, ProcessDocument>([
  ['sorter', sorter],
  ['failing', failing],
  ['nodata', noData],
]);
const loadProcess = async (id: string) => library.get(id);

//   start ─▶ call ─Good─▶ good ;  call ─Bad─▶ bad ;  then a message reading the child's DPP
function parent(shape: Shape, ports: string[]) {
  const shapes: Record<string, Shape> = { start: PASSTHROUGH_START, call: shape };
  const wires: Array<[string, string, string]> = [['start', 'default', 'call']];
  for (const port of ports) {
    shapes[port] = sink();
    wires.push(['call', port, port]);
  }
  return buildProcess(shapes, wires);
}

describe('process-call', () => {
  it('hands all documents to a passthrough child once and routes returns by label, in the shape order', async () => {
    const run = await runTest(parent(call('sorter', ['Bad', 'Good']), ['Bad', 'Good']), {
      startDocuments: docs('{"ok":true}', '{"ok":false}', '{"ok":true}'),
      loadProcess,
    });
    expect(run.order).toEqual(['start', 'call', 'Bad', 'Good']);
    expect(run.dataAt('Good')).toEqual(['{"ok":true}', '{"ok":true}']);
    expect(run.dataAt('Bad')).toEqual(['{"ok":false}']);
    const sub = run.results.get('call')?.[0]?.subprocesses;
    expect(sub).toHaveLength(1);
    expect(sub?.[0]?.shapes['decision']?.documentsIn).toBe(3);
  });

  it('returns documents that reached Return Documents one at a time, all of them in order', async () => {
    // child "one by one" (passthrough): start ─▶ flow control (per document) ─▶ Return "Out"
    const oneByOne = buildProcess(
      {
        start: PASSTHROUGH_START,
        flow: {
          kind: 'flow-control',
          label: '',
          config: { batching: 'per-document', batchSize: 1, parallelUnits: 1 },
        },
        out: ret('Out'),
      },
      [
        ['start', 'default', 'flow'],
        ['flow', 'default', 'out'],
      ],
      { id: 'one-by-one', name: 'One by one' },
    );
    const run = await runTest(parent(call('one-by-one', ['Out']), ['Out']), {
      startDocuments: docs('a', 'b', 'c', 'd'),
      loadProcess: async (id) => (id === 'one-by-one' ? oneByOne : undefined),
    });
    expect(run.results.get('call')?.[0]?.subprocesses?.[0]?.shapes['out']?.documentsIn).toBe(4);
    expect(run.dataAt('Out')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('shares dynamic process properties with the child', async () => {
    const process = buildProcess(
      {
        start: PASSTHROUGH_START,
        call: call('sorter', []),
        msg: {
          kind: 'message',
          label: '',
          config: {
            text: '{1}',
            parameters: [{ type: 'process-property', name: 'child' }],
            jsonSafe: true,
            combineDocuments: false,
          },
        },
        end: sink(),
      },
      [
        ['start', 'default', 'call'],
        ['call', 'default', 'msg'],
        ['msg', 'default', 'end'],
      ],
    );
    const run = await runTest(process, { startDocuments: docs('{"ok":true}'), loadProcess });
    // No return paths: the documents that went in continue.
    expect(run.dataAt('end')).toEqual(['was here']);
  });

  it('runs a non-passthrough child once per document', async () => {
    const run = await runTest(parent(call('nodata', ['Out']), ['Out']), {
      startDocuments: docs('a', 'b'),
      loadProcess,
    });
    expect(run.results.get('call')?.[0]?.subprocesses).toHaveLength(2);
    expect(run.dataAt('Out')).toEqual(['', '']);
  });

  it('fails the documents when abort is off (catchable), the process when it is on', async () => {
    const soft = await runTest(parent(call('failing', []), ['default']), {
      startDocuments: docs('x'),
      loadProcess,
    });
    expect(soft.outcome.status).toBe('error');
    expect(soft.outcome.failedDocuments?.[0]?.message).toBe(
      'Process "Failing" failed: Child failed',
    );
    expect(soft.inputs.has('default')).toBe(false);
    const hard = await runTest(parent(call('failing', [], true), ['default']), {
      startDocuments: docs('x'),
      loadProcess,
    });
    expect(hard.outcome.error).toBe('Process "Failing" failed: Child failed');
    expect(hard.outcome.failedDocuments).toEqual([]);
  });

  it('without wait, moves the documents on and reports a child failure at the end', async () => {
    const failingNoData = buildProcess({ fail }, [['start', 'default', 'fail']], {
      id: 'f2',
      name: 'F2',
    });
    const run = await runTest(parent(call('f2', [], true, false), ['default']), {
      startDocuments: docs('x'),
      loadProcess: async () => failingNoData,
    });
    expect(run.dataAt('default')).toEqual(['x']);
    expect(run.outcome).toMatchObject({
      status: 'error',
      error: 'Process "F2" failed: Child failed',
    });
  });

  it('refuses a missing process and endless recursion as process errors', async () => {
    const missing = await runTest(parent(call('nope', []), ['default']), {
      startDocuments: docs('x'),
      loadProcess,
    });
    expect(missing.outcome.error).toBe('Process "nope" does not exist.');
    const self = buildProcess(
      { start: PASSTHROUGH_START, call: call('self', [], true) },
      [['start', 'default', 'call']],
      { id: 'self' },
    );
    const loop = await runTest(self, { startDocuments: docs('x'), loadProcess: async () => self });
    expect(loop.outcome.status).toBe('error');
    expect(loop.outcome.error).toContain('nested more than 10 deep');
  });
});
