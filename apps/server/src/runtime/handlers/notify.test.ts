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
});
