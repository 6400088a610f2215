import { describe, expect, it } from 'vitest';
import type { RunRecord } from './run-queries.ts';
import { applyRunEvent } from './use-run-events.ts';

const run: RunRecord = {
  id: 'r1',
  processId: 'p',
  processName: 'P',
  connectionId: 'sandbox',
  executionType: 'test_manual',
  status: 'running',
  error: null,
  shapes: {},
  connections: {},
  startedAt: new Date(0).toISOString(),
  finishedAt: null,
};

describe('live run events', () => {
  it('turn a shape running, then done with its counts, and count documents per connection', () => {
    let next = applyRunEvent(run, { type: 'shape-started', shapeId: 'list' });
    expect(next.shapes['list']).toMatchObject({ status: 'running', documentsIn: 0 });
    next = applyRunEvent(next, {
      type: 'shape-finished',
      shapeId: 'list',
      stats: { status: 'done', documentsIn: 1, documentsOut: 5, documentsInError: 0 },
    });
    next = applyRunEvent(next, { type: 'connection', connectionId: 'c2', count: 5 });
    next = applyRunEvent(next, { type: 'end', status: 'complete', error: null });
    expect(next).toMatchObject({
      status: 'complete',
      shapes: { list: { status: 'done', documentsOut: 5 } },
      connections: { c2: 5 },
    });
  });

  it('starts a late watcher from the snapshot', () => {
    const next = applyRunEvent(run, {
      type: 'snapshot',
      status: 'running',
      shapes: { start: { status: 'done', documentsIn: 0, documentsOut: 1, documentsInError: 0 } },
      connections: { c1: 1 },
    });
    expect(next.connections).toEqual({ c1: 1 });
  });
});
