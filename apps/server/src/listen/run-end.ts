import type { RunRepository } from '../repositories/run-repository.ts';
import type { RunDispatcher } from '../runs/run-dispatcher.ts';

const POLL_MS = 100;

/**
 * Resolves when the run has ended, through the dispatcher's live events; a run that
 * is not live here (already over, or on a worker no relay reports) is followed
 * from its stored record instead.
 */
export function runEnded(
  dispatcher: RunDispatcher,
  runs: RunRepository,
  accountId: string,
  runId: string,
): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    let unsubscribe: (() => void) | undefined;
    const finish = () => {
      if (!done) {
        done = true;
        unsubscribe?.();
        resolve();
      }
    };
    unsubscribe = dispatcher.subscribe(runId, (event) => {
      if (event.type === 'end') {
        finish();
      }
    });
    if (done) {
      unsubscribe?.();
    } else if (!unsubscribe) {
      void (async () => {
        while (!done) {
          const run = await runs.get(accountId, runId).catch(() => null);
          if (run?.status !== 'running') {
            finish();
            return;
          }
          await new Promise((r) => setTimeout(r, POLL_MS));
        }
      })();
    }
  });
}

/** Whether `ended` settles within `ms`; the timer never outlives the wait. */
export async function endsWithin(ended: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([ended.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
