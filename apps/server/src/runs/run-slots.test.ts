import { describe, expect, it } from 'vitest';
import { createRunSlots } from './run-slots.ts';

const signal = () => new AbortController().signal;

describe('run slots', () => {
  it('starts runs up to the limit, lines up the next ones in order, and refuses beyond the line', async () => {
    const slots = createRunSlots({ concurrentRuns: 2, queuedRuns: 2 });
    const first = await slots.acquire(signal());
    const second = await slots.acquire(signal());
    const started: string[] = [];
    void slots.acquire(signal())?.then(() => started.push('third'));
    void slots.acquire(signal())?.then(() => started.push('fourth'));
    expect(slots.acquire(signal())).toBeNull();
    expect(slots.load()).toEqual({ running: 2, waiting: 2 });

    first?.();
    await Promise.resolve();
    expect(started).toEqual(['third']);
    // Releasing twice frees one slot, not two.
    first?.();
    second?.();
    await Promise.resolve();
    expect(started).toEqual(['third', 'fourth']);
    expect(slots.load()).toEqual({ running: 2, waiting: 0 });
  });

  it('lets a waiting run that is cancelled leave the line at once, holding no slot', async () => {
    const slots = createRunSlots({ concurrentRuns: 1, queuedRuns: 5 });
    const running = await slots.acquire(signal());
    const controller = new AbortController();
    const waiting = slots.acquire(controller.signal);
    controller.abort();
    const release = await waiting;
    expect(slots.load()).toEqual({ running: 1, waiting: 0 });
    release?.();
    expect(slots.load()).toEqual({ running: 1, waiting: 0 });
    running?.();
    expect(slots.load()).toEqual({ running: 0, waiting: 0 });
  });
});
