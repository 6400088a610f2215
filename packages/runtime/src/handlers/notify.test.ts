import { describe, expect, it } from 'vitest';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';
import type { Shape } from '../types.ts';

describe('notify', () => {
  it('logs one line per document at its level and passes documents through untouched', async () => {
    const notify: Shape = {
      kind: 'notify',
      label: '',
      config: {
        level: 'warning',
        title: 'Order',
        text: "id {1} isn''t done",
        parameters: [{ type: 'profile-element', path: 'id' }],
      },
    };
    const process = buildProcess({ start: PASSTHROUGH_START, notify, end: sink() }, [
      ['start', 'default', 'notify'],
      ['notify', 'default', 'end'],
    ]);
    const run = await runTest(process, { startDocuments: docs('{"id":1}', '{"id":2}') });
    expect(run.results.get('notify')?.[0]?.logs).toEqual([
      { level: 'warning', message: "Order: id 1 isn't done", documentId: 'in1' },
      { level: 'warning', message: "Order: id 2 isn't done", documentId: 'in2' },
    ]);
    expect(run.outcome.log?.map((l) => l.shapeId)).toEqual(['notify', 'notify']);
    expect(run.dataAt('end')).toEqual(['{"id":1}', '{"id":2}']);
  });

  //   start ─▶ flow (each document) ─▶ notify (once) ─▶ end
  it('writes once per execution, however many batches reach it, without document values', async () => {
    const notify: Shape = {
      kind: 'notify',
      label: '',
      config: {
        level: 'info',
        title: 'Sync',
        text: 'run {1}: id [{2}]',
        parameters: [
          { type: 'execution-property', name: 'EXECUTION_ID' },
          { type: 'profile-element', path: 'id' },
        ],
        oncePerExecution: true,
      },
    };
    const process = buildProcess(
      {
        start: PASSTHROUGH_START,
        flow: {
          kind: 'flow-control',
          label: '',
          config: { batching: 'per-document', batchSize: 0, parallelUnits: 1 },
        },
        notify,
        end: sink(),
      },
      [
        ['start', 'default', 'flow'],
        ['flow', 'default', 'notify'],
        ['notify', 'default', 'end'],
      ],
    );
    const input = docs('{"id":1}', '{"id":2}', '{"id":3}');
    const first = await runTest(process, { startDocuments: input, executionId: 'ex-1' });
    expect(first.inputs.get('notify')).toHaveLength(3);
    expect(first.outcome.log).toEqual([
      { shapeId: 'notify', level: 'info', message: 'Sync: run ex-1: id []' },
    ]);
    expect(first.dataAt('end')).toEqual(['{"id":1}', '{"id":2}', '{"id":3}']);
    // The next execution writes its own notification.
    const second = await runTest(process, { startDocuments: input, executionId: 'ex-2' });
    expect(second.outcome.log?.map((l) => l.message)).toEqual(['Sync: run ex-2: id []']);
  });
});
