import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../run-events.ts';
import { eventsAfter } from './event-relay.ts';
import { endOf } from './run-endings.ts';

const log = (message: string): RunEvent => ({
  type: 'log',
  shapeId: 'start',
  level: 'info',
  message,
});
const lastWord = endOf('aborted', 'The worker stopped answering.');
const told = (events: ReturnType<typeof eventsAfter>) =>
  events.map(({ seq, event }) => [seq, event.type === 'log' ? event.message : event.type]);

describe('eventsAfter: the stored rows of a run, one per write, back to numbered events', () => {
  const rows = [
    { seq: 3, events: [log('a'), log('b'), log('c')] },
    { seq: 5, events: [log('d'), log('e')] },
  ];

  it('numbers each row up to its seq', () => {
    expect(told(eventsAfter(rows, 0))).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
      [5, 'e'],
    ]);
  });

  it('gives only what follows the cursor, also from inside a row', () => {
    expect(told(eventsAfter(rows, 2))).toEqual([
      [3, 'c'],
      [4, 'd'],
      [5, 'e'],
    ]);
    expect(eventsAfter(rows, 5)).toEqual([]);
  });

  it('gives each number once: an abort stored first wins over its gone worker', () => {
    // Aborted as lost after its worker stored 1-4 (the last word is 5); the worker, not
    // quite gone, then stored 5-7.
    const raced = [
      { seq: 4, events: [log('a'), log('b'), log('c'), log('d')] },
      { seq: 5, events: [lastWord] },
      { seq: 7, events: [log('late'), log('later'), log('latest')] },
    ];
    expect(told(eventsAfter(raced, 3))).toEqual([
      [4, 'd'],
      [5, 'end'],
      [6, 'later'],
      [7, 'latest'],
    ]);
  });
});
