import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from './concurrency.ts';
import { ConnectAbortError } from './errors.ts';
import { abortableSleep } from './retry.ts';

describe('mapWithConcurrency', () => {
  it('keeps order and never exceeds the limit', async () => {
    let running = 0;
    let peak = 0;
    const result = await mapWithConcurrency([5, 1, 4, 2, 3], 2, async (n, index) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running -= 1;
      return n * 10 + index;
    });
    expect(result).toEqual([50, 11, 42, 23, 34]);
    expect(peak).toBe(2);
  });

  it('stops starting work after the first failure', async () => {
    const started: number[] = [];
    const promise = mapWithConcurrency([1, 2, 3, 4], 1, async (n) => {
      started.push(n);
      if (n === 2) {
        throw new Error('boom');
      }
      return n;
    });
    await expect(promise).rejects.toThrow('boom');
    expect(started).toEqual([1, 2]);
  });

  it('rejects a non-positive limit and handles empty input', async () => {
    await expect(mapWithConcurrency([1], 0, async (n) => n)).rejects.toBeInstanceOf(RangeError);
    expect(await mapWithConcurrency([], 3, async (n) => n)).toEqual([]);
  });
});

describe('abortableSleep', () => {
  it('rejects early when the signal fires', async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toBeInstanceOf(ConnectAbortError);
  });
});
