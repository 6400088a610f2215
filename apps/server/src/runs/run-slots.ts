/** How many runs may execute at once on this server, and how many may wait for a slot. */
export interface RunSlotLimits {
  concurrentRuns: number;
  queuedRuns: number;
}

export const DEFAULT_RUN_SLOT_LIMITS: RunSlotLimits = { concurrentRuns: 16, queuedRuns: 500 };

/**
 * A counting gate in front of the runtime. A run takes a slot when one is free,
 * otherwise waits in line (first come, first served); when the line is full the
 * run is refused, which the dispatcher records as DISCARDED (process-semantics.md
 * §8, Boomi's "discarded due to load").
 */
export function createRunSlots(limits: RunSlotLimits) {
  let running = 0;
  const waiting: Array<{ resolve: () => void }> = [];

  const release = () => {
    const next = waiting.shift();
    if (next) {
      next.resolve();
    } else {
      running -= 1;
    }
  };

  return {
    /**
     * Resolves with a release function once the run may start; null when the
     * line is full. A waiting run whose signal aborts leaves the line at once,
     * still holding no slot, so it can finish as cancelled without waiting.
     */
    acquire(signal: AbortSignal): Promise<() => void> | null {
      if (running < limits.concurrentRuns) {
        running += 1;
        return Promise.resolve(once(release));
      }
      if (waiting.length >= limits.queuedRuns) {
        return null;
      }
      return new Promise((resolve) => {
        const entry = { resolve: () => resolve(once(release)) };
        waiting.push(entry);
        signal.addEventListener(
          'abort',
          () => {
            const index = waiting.indexOf(entry);
            if (index >= 0) {
              waiting.splice(index, 1);
              resolve(() => undefined);
            }
          },
          { once: true },
        );
      });
    },
    /** Runs executing and runs waiting, for messages and tests. */
    load: () => ({ running, waiting: waiting.length }),
  };
}

function once(fn: () => void): () => void {
  let called = false;
  return () => {
    if (!called) {
      called = true;
      fn();
    }
  };
}
