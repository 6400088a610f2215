import { describe, expect, it } from 'vitest';
import { createStatementBatcher } from './statement-batcher.ts';

/** A batcher over a fake statement that records what each round trip carried. */
function recording(refuse: (n: number) => boolean = () => false) {
  const trips: number[][] = [];
  const check = (n: number) => {
    if (refuse(n)) {
      throw new Error(`refused ${n}`);
    }
    return n * 10;
  };
  const batch = createStatementBatcher<number, number>({
    one: async (n) => {
      trips.push([n]);
      return check(n);
    },
    many: async (items) => {
      trips.push(items);
      return items.map(check);
    },
    maxItems: 4,
  });
  return { batch, trips };
}

describe('the statement batcher', () => {
  it('sends the calls of one moment as one statement, each caller getting its own answer', async () => {
    const { batch, trips } = recording();
    expect(await Promise.all([1, 2, 3].map(batch))).toEqual([10, 20, 30]);
    expect(trips).toEqual([[1, 2, 3]]);
  });

  it('sends a call alone when nothing else is waiting', async () => {
    const { batch, trips } = recording();
    expect(await batch(7)).toBe(70);
    expect(await batch(8)).toBe(80);
    expect(trips).toEqual([[7], [8]]);
  });

  it('never puts more than maxItems into one statement', async () => {
    const { batch, trips } = recording();
    await Promise.all([1, 2, 3, 4, 5, 6].map(batch));
    expect(trips).toEqual([
      [1, 2, 3, 4],
      [5, 6],
    ]);
  });

  it('holds the calls made while a statement runs for the next one', async () => {
    const { batch, trips } = recording();
    const first = batch(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [batch(2), batch(3)];
    expect(await Promise.all([first, ...later])).toEqual([10, 20, 30]);
    expect(trips).toEqual([[1], [2, 3]]);
  });

  it('fails only the call whose item the database refuses', async () => {
    const { batch, trips } = recording((n) => n === 2);
    const answers = await Promise.allSettled([1, 2, 3].map(batch));
    expect(answers).toEqual([
      { status: 'fulfilled', value: 10 },
      { status: 'rejected', reason: new Error('refused 2') },
      { status: 'fulfilled', value: 30 },
    ]);
    // The shared statement failed, then each item was tried alone.
    expect(trips).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it('sends calls made while a statement runs at once when more may be in flight', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const trips: number[][] = [];
    const batch = createStatementBatcher<number, number>({
      one: async (n) => {
        trips.push([n]);
        if (n === 1) {
          await held;
        }
        return n;
      },
      many: async (items) => {
        trips.push(items);
        return items;
      },
      concurrency: 2,
    });
    const first = batch(1);
    await new Promise((resolve) => setImmediate(resolve));
    // The first statement is still running; the second goes out without waiting for it.
    expect(await Promise.all([batch(2), batch(3)])).toEqual([2, 3]);
    release();
    expect(await first).toBe(1);
    expect(trips).toEqual([[1], [2, 3]]);
  });
});
