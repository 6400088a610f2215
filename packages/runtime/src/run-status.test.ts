import { describe, expect, it } from 'vitest';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from './test-support.ts';
import type { Shape } from './types.ts';

const notify = (level: 'info' | 'warning' | 'error'): Shape => ({
  kind: 'notify',
  label: '',
  config: { level, title: '', text: `a ${level} line`, parameters: [] },
});

const failing: Shape = {
  kind: 'exception',
  label: '',
  config: { title: '', text: 'no good', parameters: [], stopEntireProcess: false },
};

//   start ─▶ first ─▶ then
function run(first: Shape, then: Shape = sink()) {
  const process = buildProcess({ start: PASSTHROUGH_START, first, then }, [
    ['start', 'default', 'first'],
    ['first', 'default', 'then'],
  ]);
  return runTest(process, { startDocuments: docs('{}') });
}

describe('run status (process-semantics.md §8)', () => {
  it('is COMPLETE when every document finished and the log holds only information', async () => {
    expect((await run(notify('info'))).outcome.status).toBe('complete');
  });

  it('is COMPLETE_WARN when every document finished but a warning or error was logged', async () => {
    expect((await run(notify('warning'))).outcome.status).toBe('complete-warn');
    expect((await run(notify('error'))).outcome.status).toBe('complete-warn');
  });

  it('stays ERROR when a document failed, whatever else was logged', async () => {
    const outcome = (await run(notify('warning'), failing)).outcome;
    expect(outcome.status).toBe('error');
    expect(outcome.error).toBe('Some documents failed.');
  });

  it('carries a child process that warned up to its caller', async () => {
    const child = buildProcess(
      { start: PASSTHROUGH_START, warn: notify('warning') },
      [['start', 'default', 'warn']],
      { id: 'child', name: 'Child' },
    );
    const parent = buildProcess(
      {
        start: PASSTHROUGH_START,
        call: {
          kind: 'process-call',
          label: '',
          config: { processId: 'child', wait: true, abortOnFailure: true, returnPaths: [] },
        },
        end: sink(),
      },
      [
        ['start', 'default', 'call'],
        ['call', 'default', 'end'],
      ],
    );
    const result = await runTest(parent, {
      startDocuments: docs('{}'),
      loadProcess: async () => child,
    });
    expect(result.outcome.status).toBe('complete-warn');
    expect(result.outcome.log).toContainEqual({
      shapeId: 'call',
      level: 'warning',
      message: 'Process "Child" completed with warnings.',
    });
  });
});
