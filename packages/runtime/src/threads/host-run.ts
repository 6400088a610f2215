import type { ProcessDocument } from '@junction/process-model';
import { executeProcess } from '../engine.ts';
import type { ExecuteOptions } from '../execution.ts';
import type { RunListener, RunOutcome } from '../types.ts';
import { withListenerFailure } from './host-side.ts';

/**
 * The listener with each call guarded: the first call that throws is kept for the
 * outcome and the run goes on, as it does when the calls are replayed from a thread.
 */
function guarded(listener: RunListener, failed: (error: unknown) => void): RunListener {
  const calls: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(listener)) {
    calls[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => {
            try {
              value.apply(listener, args);
            } catch (error) {
              failed(error);
            }
          }
        : value;
  }
  return calls as RunListener;
}

/**
 * A light run on the host's thread, ending as it would in an engine thread: a
 * listener that throws fails the run with the listener's message once it has run to
 * its end, and an error thrown out of the engine (a store that failed) comes back as
 * an ERROR outcome, not a rejection.
 */
export async function executeOnHost(
  process: ProcessDocument,
  run: ExecuteOptions,
): Promise<RunOutcome> {
  let failure: unknown;
  const listener = run.listener && guarded(run.listener, (error) => (failure ??= error));
  try {
    const outcome = await executeProcess(process, { ...run, ...(listener ? { listener } : {}) });
    return withListenerFailure(outcome, failure);
  } catch (error) {
    return {
      status: 'error',
      error: error instanceof Error ? error.message : String(error),
      shapes: {},
      connections: {},
    };
  }
}
