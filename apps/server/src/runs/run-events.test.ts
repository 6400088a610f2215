import { describe, expect, it } from 'vitest';
import { createRunEventHub, type RunEvent } from './run-events.ts';

const end: RunEvent = {
  type: 'end',
  status: 'complete',
  error: null,
  shapes: {},
  connections: {},
  documentsIn: 0,
  documentsOut: 0,
  documentsInError: 0,
};

describe('run event hub', () => {
  it('gives a late subscriber the current counts first, then live events, and forgets the run at its end', () => {
    const hub = createRunEventHub();
    hub.open('r1');
    hub.publish('r1', { type: 'shape-started', shapeId: 'start', documents: 0 });
    hub.publish('r1', {
      type: 'shape-finished',
      shapeId: 'start',
      stats: {
        status: 'done',
        documentsIn: 0,
        documentsOut: 1,
        documentsInError: 0,
        elapsedMs: 0.5,
      },
    });
    hub.publish('r1', { type: 'connection', connectionId: 'c1', count: 1 });
    hub.publish('r1', { type: 'shape-started', shapeId: 'stop', documents: 1 });
    const seen: RunEvent[] = [];
    const unsubscribe = hub.subscribe('r1', (e) => seen.push(e));
    expect(seen[0]).toEqual({
      type: 'snapshot',
      status: 'running',
      shapes: {
        start: {
          status: 'done',
          documentsIn: 0,
          documentsOut: 1,
          documentsInError: 0,
          elapsedMs: 0.5,
        },
        stop: {
          status: 'running',
          documentsIn: 0,
          documentsOut: 0,
          documentsInError: 0,
          elapsedMs: 0,
        },
      },
      connections: { c1: 1 },
    });
    hub.publish('r1', { type: 'log', shapeId: 'stop', level: 'info', message: 'hi' });
    hub.publish('r1', end);
    expect(seen.map((e) => e.type)).toEqual(['snapshot', 'log', 'end']);
    expect(hub.subscribe('r1', () => undefined)).toBeUndefined();
    unsubscribe?.();
  });

  it('stops sending to a subscriber that left, and ignores runs it does not know', () => {
    const hub = createRunEventHub();
    hub.open('r2');
    const seen: RunEvent[] = [];
    const unsubscribe = hub.subscribe('r2', (e) => seen.push(e));
    unsubscribe?.();
    hub.publish('r2', end);
    hub.publish('other', end);
    expect(seen.map((e) => e.type)).toEqual(['snapshot']);
  });
});
