/**
 * The engine thread's end of a connector's pages as the host sends them: a queue the
 * engine reads as an async iterable while more pages arrive. Stopping early (the
 * engine had enough records, or failed on a page) calls `onStop`, which tells the host
 * to stop fetching.
 */
export function createPageStream(onStop: () => void) {
  const queued: Array<Uint8Array | undefined> = [];
  let next = 0;
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const settle = () => {
    wake?.();
    wake = undefined;
  };

  async function* read(): AsyncGenerator<Uint8Array | undefined, void, undefined> {
    let finished = false;
    try {
      for (;;) {
        if (next < queued.length) {
          const page = queued[next];
          // Let go of a page once it is handed out: the queue must not keep them all.
          queued[next] = undefined;
          next += 1;
          yield page;
        } else if (failure) {
          finished = true;
          throw failure;
        } else if (ended) {
          finished = true;
          return;
        } else {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
      }
    } finally {
      if (!finished) {
        onStop();
      }
    }
  }

  return {
    pages: read(),
    push(page: Uint8Array | undefined) {
      queued.push(page);
      settle();
    },
    end() {
      ended = true;
      settle();
    },
    fail(error: Error) {
      failure = error;
      settle();
    },
  };
}
