import { describe, expect, it } from 'vitest';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';
import type { Shape } from '../types.ts';

const exception = (stopEntireProcess: boolean): Shape => ({
  kind: 'exception',
  label: '',
  config: {
    title: 'Bad order',
    text: "Order '{1}' is {1}",
    parameters: [{ type: 'profile-element', path: 'id' }],
    stopEntireProcess,
  },
});

//   start ─▶ branch ─1─▶ ex
//                  └─2─▶ after
function process(stop: boolean) {
  return buildProcess(
    {
      start: PASSTHROUGH_START,
      branch: { kind: 'branch', label: '', config: { count: 2 } },
      ex: exception(stop),
      after: sink(),
    },
    [
      ['start', 'default', 'branch'],
      ['branch', '1', 'ex'],
      ['branch', '2', 'after'],
    ],
  );
}

describe('exception', () => {
  it('fails each arriving document with the rendered message; other documents are unaffected', async () => {
    const run = await runTest(process(false), { startDocuments: docs('{"id":7}') });
    expect(run.outcome.failedDocuments?.map((e) => e.message)).toEqual([
      'Bad order: Order {1} is 7',
    ]);
    expect(run.outcome.status).toBe('error');
  });

  it('stops the whole process when configured so: later paths do not run', async () => {
    const run = await runTest(process(true), { startDocuments: docs('{"id":7}') });
    expect(run.outcome).toMatchObject({ status: 'error', error: 'Bad order: Order {1} is 7' });
    expect(run.inputs.has('after')).toBe(false);
    expect(run.outcome.shapes['ex']?.status).toBe('error');
  });
});

describe('stop', () => {
  it('"end and return" ends the run successfully before later paths', async () => {
    const p = buildProcess(
      {
        start: PASSTHROUGH_START,
        branch: { kind: 'branch', label: '', config: { count: 2 } },
        stop: { kind: 'stop', label: '', config: { endAndReturn: true } },
        after: sink(),
      },
      [
        ['start', 'default', 'branch'],
        ['branch', '1', 'stop'],
        ['branch', '2', 'after'],
      ],
    );
    const run = await runTest(p, { startDocuments: docs('x') });
    expect(run.outcome.status).toBe('complete');
    expect(run.inputs.has('after')).toBe(false);
  });
});
