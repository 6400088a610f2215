/**
 * Thrown to unwind a process run: a process error, Stop "end and return", or a
 * cancellation. Try/Catch with "All errors" catches only `error`.
 */
export class RunHalt extends Error {
  readonly outcome: 'error' | 'return' | 'cancel';
  constructor(outcome: 'error' | 'return' | 'cancel', message: string) {
    super(message);
    this.name = 'RunHalt';
    this.outcome = outcome;
  }
}

/** A process-level error raised by a handler (e.g. Exception "stop entire process"). */
export function processError(message: string): RunHalt {
  return new RunHalt('error', message);
}

/** Waits `ms` unless the run is cancelled first. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new RunHalt('cancel', 'The run was cancelled.'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new RunHalt('cancel', 'The run was cancelled.'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
