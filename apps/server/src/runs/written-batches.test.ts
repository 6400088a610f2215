import { describe, expect, it } from 'vitest';
import { writtenBatches } from './written-batches.ts';

const rows = (...seqs: number[]) => seqs.map((seq) => ({ seq }));

describe('the batches a recorder wrote', () => {
  it('names a batch once every one of its rows is taken back, and never one still used', () => {
    const written = writtenBatches();
    written.add(rows(1, 2, 3));
    written.add(rows(5, 9));
    written.add(rows(10));
    expect(written.takeBack([2, 9])).toEqual([]);
    expect(written.takeBack([1, 3, 10, 4, 11])).toEqual([
      [1, 3],
      [10, 10],
    ]);
    expect(written.takeBack([5])).toEqual([[5, 9]]);
  });

  it('ignores seqs of rows never written and an empty batch', () => {
    const written = writtenBatches();
    written.add([]);
    expect(written.takeBack([1, 2])).toEqual([]);
  });
});
