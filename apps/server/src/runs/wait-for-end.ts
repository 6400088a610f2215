import type { RunDispatcher } from './run-dispatcher.ts';

/**
 * Resolves when the run has ended, after `ms`, or when `gone` aborts (the client left),
 * whichever is first. It listens on the dispatcher's own notification of the end: the
 * in-process hub, or with the queue the event relay (a NOTIFY from whichever worker ran
 * it), so a waiting request costs one listener and no polling. A run not live here
 * (already ended) resolves at once; the caller reads the stored record either way.
 */
export function waitForEnd(
  dispatcher: RunDispatcher,
  runId: string,
  ms: number,
  gone?: AbortSignal,
): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    let unsubscribe: (() => void) | undefined;
    const finish = () => {
      if (done) {
        return;
      }
      done = true;
      clearTimeout(timer);
      gone?.removeEventListener('abort', finish);
      unsubscribe?.();
      resolve();
    };
    const timer = setTimeout(finish, ms);
    gone?.addEventListener('abort', finish);
    unsubscribe = dispatcher.subscribe(runId, (event) => {
      if (event.type === 'end') {
        finish();
      }
    });
    if (!unsubscribe || done) {
      // Not live here, or it ended while subscribing: nothing more to hear.
      unsubscribe?.();
      finish();
    }
  });
}
