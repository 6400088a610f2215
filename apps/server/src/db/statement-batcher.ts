/** Items one statement carries at most; bounds its parameter and the rows it returns. */
export const MAX_BATCH_ITEMS = 500;

interface Pending<In, Out> {
  item: In;
  resolve(value: Out): void;
  reject(error: unknown): void;
}

/**
 * Group commit for one kind of statement: the calls made in one turn of the event loop,
 * and those made while the previous statement of their kind is in flight, go out
 * together as one statement (`many`); a call alone goes out alone (`one`). Nothing
 * waits longer than that turn under light load; under load, each round trip carries
 * everything that queued during the last one. Each database statement costs far more
 * than a row (embedded PGlite: about 200 µs a statement, 30 µs a row), which is what
 * many short runs at once pay for.
 *
 * Each call still gets its own answer or error: when a combined statement fails (one
 * item the database refuses), every item in it is tried again alone, so one bad item
 * fails only its own call.
 */
export function createStatementBatcher<In, Out>(statements: {
  one(item: In): Promise<Out>;
  /** Answers in the order of `items`. */
  many(items: In[]): Promise<Out[]>;
  maxItems?: number;
  /**
   * Statements of this kind in flight at once (1 by default). More suit a pool of
   * connections whose round trips are slow (a transaction of several statements): calls
   * made while one is in flight go out in the next turn rather than after it.
   */
  concurrency?: number;
}): (item: In) => Promise<Out> {
  const maxItems = statements.maxItems ?? MAX_BATCH_ITEMS;
  const concurrency = statements.concurrency ?? 1;
  let queue: Pending<In, Out>[] = [];
  let running = 0;

  const settle = (pending: Pending<In, Out>) =>
    statements.one(pending.item).then(pending.resolve, pending.reject);

  async function send(batch: Pending<In, Out>[]): Promise<void> {
    if (batch.length === 1) {
      return settle(batch[0]!);
    }
    let answers: Out[];
    try {
      answers = await statements.many(batch.map((p) => p.item));
    } catch {
      // Alone again, so only the item the database refuses fails.
      await Promise.all(batch.map(settle));
      return;
    }
    for (const [i, pending] of batch.entries()) {
      pending.resolve(answers[i]!);
    }
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxItems);
      queue = queue.slice(batch.length);
      await send(batch);
    }
    running -= 1;
  }

  return (item) =>
    new Promise<Out>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (running < concurrency) {
        running += 1;
        // After this turn of the event loop, with every call its callbacks made. Embedded
        // PGlite answers on the same thread, so no call would ever find another in flight.
        setImmediate(() => void drain());
      }
    });
}
