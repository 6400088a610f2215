import { describe, expect, it } from 'vitest';
import { META } from '../properties.ts';
import {
  buildProcess,
  docs,
  PASSTHROUGH_START,
  runTest,
  SPLIT_RECORDS,
  sink,
} from '../test-support.ts';
import type { Shape } from '../types.ts';

const tryCatch = (retryCount: number, trigger: 'document' | 'all' = 'document'): Shape => ({
  kind: 'try-catch',
  label: '',
  config: { retryCount, trigger },
});
const failWhenBad = (stopEntireProcess = false): Shape => ({
  kind: 'exception',
  label: '',
  config: {
    title: 'Rejected',
    text: 'id {1}',
    parameters: [{ type: 'profile-element', path: 'id' }],
    stopEntireProcess,
  },
});
const decision: Shape = {
  kind: 'decision',
  label: '',
  config: {
    left: { type: 'profile-element', path: 'bad' },
    operator: 'equals',
    right: { type: 'static', value: 'true' },
  },
};
const rewrite: Shape = {
  kind: 'message',
  label: '',
  config: {
    text: 'rewritten {1}',
    parameters: [{ type: 'profile-element', path: 'id' }],
    jsonSafe: true,
    combineDocuments: false,
  },
};

//   start ─▶ tc ─try─▶ rewrite? ─▶ decision ─true─▶ exception
//              │                        └false─▶ ok
//              └catch─▶ caught
function guarded(tc: Shape, exception: Shape = failWhenBad()) {
  return buildProcess(
    { start: PASSTHROUGH_START, tc, decision, exception, ok: sink(), caught: sink() },
    [
      ['start', 'default', 'tc'],
      ['tc', 'try', 'decision'],
      ['decision', 'true', 'exception'],
      ['decision', 'false', 'ok'],
      ['tc', 'catch', 'caught'],
    ],
  );
}

const input = () => docs('{"id":1,"bad":true}', '{"id":2,"bad":false}');

describe('try-catch', () => {
  it('sends a failed document down Catch as it entered, with the Try/Catch Message; the run completes with a warning', async () => {
    const run = await runTest(guarded(tryCatch(0)), { startDocuments: input() });
    const caught = run.inputs.get('caught')?.flat() ?? [];
    expect(caught.map((d) => d.data)).toEqual(['{"id":1,"bad":true}']);
    expect(caught[0]?.properties[META.tryCatchMessage]).toBe('Rejected: id 1');
    expect(run.dataAt('ok')).toEqual(['{"id":2,"bad":false}']);
    expect(run.outcome.status).toBe('complete-warn');
    expect(run.outcome.shapes['exception']?.documentsInError).toBe(1);
  });

  it('catches a failure of a document made from the input (lineage), sending the original', async () => {
    const process = buildProcess(
      { start: PASSTHROUGH_START, tc: tryCatch(0), rewrite, ex: failWhenBad(), caught: sink() },
      [
        ['start', 'default', 'tc'],
        ['tc', 'try', 'rewrite'],
        ['rewrite', 'default', 'ex'],
        ['tc', 'catch', 'caught'],
      ],
    );
    const run = await runTest(process, { startDocuments: docs('{"id":5}') });
    expect(run.dataAt('caught')).toEqual(['{"id":5}']);
  });

  it('catches by lineage across documents split before the Try/Catch and made inside it', async () => {
    const split = SPLIT_RECORDS;
    const process = buildProcess(
      {
        start: PASSTHROUGH_START,
        split,
        tc: tryCatch(0),
        rewrite,
        ex: failWhenBad(),
        caught: sink(),
      },
      [
        ['start', 'default', 'split'],
        ['split', 'default', 'tc'],
        ['tc', 'try', 'rewrite'],
        ['rewrite', 'default', 'ex'],
        ['tc', 'catch', 'caught'],
      ],
    );
    const run = await runTest(process, { startDocuments: docs('[{"id":5},{"id":6}]') });
    expect(run.dataAt('caught')).toEqual(['{"id":5}', '{"id":6}']);
    expect(run.outcome.status).toBe('complete-warn');
  });

  //   start ─▶ tc ─try─▶ split ─▶ decision ─true─▶ exception
  //              │                        └false─▶ ok
  //              └catch─▶ caught
  it('catches a failure of a record split inside the Try path, sending the document it came from', async () => {
    const split: Shape = {
      kind: 'data-process',
      label: '',
      config: { steps: [{ type: 'split', path: 'items', batchCount: 1 }] },
    };
    const process = buildProcess(
      {
        start: PASSTHROUGH_START,
        tc: tryCatch(0),
        split,
        decision,
        exception: failWhenBad(),
        ok: sink(),
        caught: sink(),
      },
      [
        ['start', 'default', 'tc'],
        ['tc', 'try', 'split'],
        ['split', 'default', 'decision'],
        ['decision', 'true', 'exception'],
        ['decision', 'false', 'ok'],
        ['tc', 'catch', 'caught'],
      ],
    );
    const order = '{"items":[{"id":1,"bad":false},{"id":2,"bad":true}]}';
    const run = await runTest(process, { startDocuments: docs(order, '{"items":[]}') });
    // The failed record has a new id; only lineage leads back to the order it came from.
    expect(run.dataAt('caught')).toEqual([order]);
    expect(run.dataAt('ok')).toEqual(['{"id":1,"bad":false}']);
  });

  it('retries the Try path with the documented back-off before Catch', async () => {
    const waits: number[] = [];
    const run = await runTest(guarded(tryCatch(3)), {
      startDocuments: input(),
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(waits).toEqual([0, 10_000, 30_000]);
    expect(run.outcome.shapes['decision']?.documentsIn).toBe(2 + 3);
    expect(run.dataAt('caught')).toHaveLength(1);
  });

  it('retries without waiting in test mode, and not at all with the skip policy', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    await runTest(guarded(tryCatch(2)), { startDocuments: input(), testMode: true, sleep });
    expect(waits).toEqual([0, 0]);
    const skipped = await runTest(guarded(tryCatch(5)), {
      startDocuments: input(),
      retryPolicy: 'skip',
      sleep,
    });
    expect(skipped.outcome.shapes['decision']?.documentsIn).toBe(2);
  });

  it('lets a process error through with "Document errors"', async () => {
    const run = await runTest(guarded(tryCatch(0, 'document'), failWhenBad(true)), {
      startDocuments: input(),
    });
    expect(run.outcome).toMatchObject({ status: 'error', error: 'Rejected: id 1' });
    expect(run.inputs.has('caught')).toBe(false);
  });

  it('sends every document that entered down Catch on a process error with "All errors"', async () => {
    const run = await runTest(guarded(tryCatch(0, 'all'), failWhenBad(true)), {
      startDocuments: input(),
    });
    expect(run.dataAt('caught')).toEqual(['{"id":1,"bad":true}', '{"id":2,"bad":false}']);
    expect(run.outcome.status).toBe('complete-warn');
  });

  it('fails the run when the Catch path fails', async () => {
    const process = buildProcess(
      { start: PASSTHROUGH_START, tc: tryCatch(0), ex: failWhenBad(), ex2: failWhenBad() },
      [
        ['start', 'default', 'tc'],
        ['tc', 'try', 'ex'],
        ['tc', 'catch', 'ex2'],
      ],
    );
    const run = await runTest(process, { startDocuments: docs('{"id":9}') });
    expect(run.outcome.status).toBe('error');
    expect(run.outcome.failedDocuments).toHaveLength(1);
  });
});

describe('try-catch nesting and cancellation', () => {
  //   start ─▶ outer(document) ─try─▶ inner(document) ─try─▶ ex(stop process)
  //                  └catch─▶ outerCaught       └catch─▶ innerCaught
  it('makes the outer of two back-to-back Try/Catch shapes catch process errors too', async () => {
    const process = buildProcess(
      {
        start: PASSTHROUGH_START,
        outer: tryCatch(0),
        inner: tryCatch(0),
        ex: failWhenBad(true),
        outerCaught: sink(),
        innerCaught: sink(),
      },
      [
        ['start', 'default', 'outer'],
        ['outer', 'try', 'inner'],
        ['inner', 'try', 'ex'],
        ['inner', 'catch', 'innerCaught'],
        ['outer', 'catch', 'outerCaught'],
      ],
    );
    const run = await runTest(process, { startDocuments: docs('{"id":1}') });
    expect(run.dataAt('outerCaught')).toEqual(['{"id":1}']);
    expect(run.inputs.has('innerCaught')).toBe(false);
    expect(run.outcome.status).toBe('complete-warn');
  });

  it('stops waiting for a retry when the run is cancelled', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = runTest(guarded(tryCatch(3)), {
      startDocuments: input(),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const run = await pending;
    expect(run.outcome.status).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
