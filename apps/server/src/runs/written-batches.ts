/**
 * The batches of document rows a recorder has handed to storage, in seq order, so it
 * can tell when every row of one has been taken back: that batch's chunks then hold
 * nothing anyone reads, and go with its rows. A batch only partly taken back keeps
 * its chunks (they go with the run); finding out which chunk bodies are still used
 * would mean reading the run's rows.
 */
export function writtenBatches() {
  const batches: { first: number; last: number; left: number }[] = [];

  /** The batch holding `seq`, by binary search (batches never overlap and arrive in order). */
  const holding = (seq: number) => {
    let low = 0;
    let high = batches.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const batch = batches[middle]!;
      if (seq < batch.first) {
        high = middle - 1;
      } else if (seq > batch.last) {
        low = middle + 1;
      } else {
        return batch;
      }
    }
    return undefined;
  };

  return {
    /** Rows handed to storage as one batch (their seqs ascending). */
    add(rows: readonly { seq: number }[]): void {
      const first = rows[0];
      const last = rows[rows.length - 1];
      if (first && last) {
        batches.push({ first: first.seq, last: last.seq, left: rows.length });
      }
    },
    /** Counts `seqs` out of their batches; returns the seq ranges of those now wholly taken back. */
    takeBack(seqs: Iterable<number>): [number, number][] {
      const emptied: [number, number][] = [];
      for (const seq of seqs) {
        const batch = holding(seq);
        if (batch) {
          batch.left -= 1;
          if (batch.left === 0) {
            emptied.push([batch.first, batch.last]);
          }
        }
      }
      return emptied;
    },
  };
}
