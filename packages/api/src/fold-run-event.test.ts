import { describe, expect, it } from 'vitest';
import { foldRunEvent, LIVE_LINES_KEPT, type RunProgress } from './fold-run-event.ts';
import { RUN_EVENT_TYPES } from './run-events.ts';

const running: RunProgress = {
  status: 'running',
  error: null,
  shapes: {},
  connections: {},
  documentsIn: 0,
  documentsOut: 0,
  documentsInError: 0,
};

const done = { status: 'done', documentsIn: 1, documentsOut: 5, documentsInError: 0 } as const;

describe('foldRunEvent', () => {
  it('turns a shape running, then done with its counts, and counts documents per connection', () => {
    let next = foldRunEvent(running, { type: 'shape-started', shapeId: 'list', documents: 1 });
    expect(next.shapes['list']).toMatchObject({ status: 'running', documentsIn: 0 });
    next = foldRunEvent(next, { type: 'shape-finished', shapeId: 'list', stats: done });
    next = foldRunEvent(next, { type: 'connection', connectionId: 'c2', count: 5 });
    expect(next).toMatchObject({ shapes: { list: { status: 'done' } }, connections: { c2: 5 } });
  });

  it('keeps a restarted shape counts while it runs again', () => {
    const before = { ...running, shapes: { list: { ...done, elapsedMs: 3 } } };
    const next = foldRunEvent(before, { type: 'shape-started', shapeId: 'list', documents: 2 });
    expect(next.shapes['list']).toEqual({ ...done, elapsedMs: 3, status: 'running' });
  });

  it('treats shape ids like constructor and __proto__ as plain keys', () => {
    let next = foldRunEvent(running, {
      type: 'shape-started',
      shapeId: 'constructor',
      documents: 0,
    });
    next = foldRunEvent(next, { type: 'shape-started', shapeId: '__proto__', documents: 0 });
    expect(Object.hasOwn(next.shapes, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(next.shapes)).toBe(Object.prototype);
    expect(next.shapes['constructor']).toEqual({
      status: 'running',
      documentsIn: 0,
      documentsOut: 0,
      documentsInError: 0,
      elapsedMs: 0,
    });
  });

  it('starts a late watcher from the snapshot', () => {
    const next = foldRunEvent(running, {
      type: 'snapshot',
      status: 'running',
      shapes: { start: done },
      connections: { c1: 1 },
    });
    expect(next).toMatchObject({ shapes: { start: done }, connections: { c1: 1 } });
  });

  it('reads document errors and log lines, which only events carry while a run goes', () => {
    let next = foldRunEvent(running, {
      type: 'document-error',
      shapeId: 'map',
      documentId: 'd3',
      message: 'bad date',
    });
    next = foldRunEvent(next, { type: 'log', shapeId: 'map', level: 'warning', message: 'slow' });
    expect(next.documentErrors).toEqual([
      { shapeId: 'map', documentId: 'd3', message: 'bad date' },
    ]);
    expect(next.log).toEqual([{ shapeId: 'map', level: 'warning', message: 'slow' }]);
  });

  it('keeps only the latest log lines of a long run', () => {
    let next = running;
    for (let i = 0; i <= LIVE_LINES_KEPT; i++) {
      next = foldRunEvent(next, { type: 'log', shapeId: 's', level: 'info', message: `${i}` });
    }
    expect(next.log).toHaveLength(LIVE_LINES_KEPT);
    expect(next.log?.[0]?.message).toBe('1');
  });

  it('takes the outcome and the final counts from the end event', () => {
    const next = foldRunEvent(running, {
      type: 'end',
      status: 'complete-warn',
      error: 'one document failed',
      shapes: { start: done },
      connections: { c1: 5 },
      documentsIn: 1,
      documentsOut: 5,
      documentsInError: 1,
    });
    expect(next).toEqual({
      status: 'complete-warn',
      error: 'one document failed',
      shapes: { start: done },
      connections: { c1: 5 },
      documentsIn: 1,
      documentsOut: 5,
      documentsInError: 1,
    });
  });

  it('keeps what the state has besides progress (a whole run record)', () => {
    const record = { ...running, id: 'r1', processName: 'P' };
    expect(foldRunEvent(record, { type: 'connection', connectionId: 'c', count: 1 }).id).toBe('r1');
  });

  it('lists every event name the server sends', () => {
    expect(RUN_EVENT_TYPES).toEqual([
      'snapshot',
      'shape-started',
      'shape-finished',
      'connection',
      'document-error',
      'log',
      'paused',
      'resumed',
      'end',
    ]);
  });

  it('holds the pause until it is answered, and a late snapshot brings it back', () => {
    const pause = {
      pause: 1,
      shapeId: 'map',
      reason: 'breakpoint' as const,
      documents: [{ id: 'd1', data: '{}', properties: {} }],
      documentCount: 1,
      expiresAt: '2026-12-05T04:00:00.000Z',
    };
    const paused = foldRunEvent(running, { type: 'paused', ...pause });
    expect(paused.paused).toEqual(pause);
    const resumed = foldRunEvent(paused, {
      type: 'resumed',
      pause: 1,
      action: 'step',
      edited: [],
    });
    expect(resumed.paused).toBeUndefined();
    const late = foldRunEvent(running, {
      type: 'snapshot',
      status: 'running',
      shapes: {},
      connections: {},
      paused: pause,
    });
    expect(late.paused).toEqual(pause);
  });
});
