import type { ProcessDocument } from '@junction/process-model';
import { executeProcess } from '../engine.ts';
import type { ExecuteOptions } from '../execution.ts';
import type { RunListener, RunOutcome } from '../types.ts';
import { withListenerFailure } from './host-side.ts';

/** RunListener's calls: named, so a listener's methods count wherever they are defined. */
const LISTENER_CALLS = [
  'shapeStarted',
  'shapeEmitting',
  'shapeWithdrawing',
  'shapeFinished',
  'connectionCarried',
  'shapeLogged',
] as const satisfies readonly (keyof RunListener)[];
// A call added to RunListener and not named above fails to compile here.
const EVERY_CALL_NAMED: [
  Exclude<keyof RunListener, (typeof LISTENER_CALLS)[number] | 'documents'>,
] extends [never]
  ? true
  : never = true;
void EVERY_CALL_NAMED;

/**
 * The listener with each call guarded: the first call that throws is kept for the
 * outcome and the run goes on, as it does when the calls are replayed from a thread.
 */
function guarded(listener: RunListener, failed: (error: unknown) => void): RunListener {
  const calls: Record<string, unknown> = {};
  if (listener.documents !== undefined) {
    calls['documents'] = listener.documents;
  }
  for (const name of LISTENER_CALLS) {
    const call = listener[name] as ((...args: unknown[]) => void) | undefined;
    if (typeof call === 'function') {
      calls[name] = (...args: unknown[]) => {
        try {
          call.apply(listener, args);
        } catch (error) {
          failed(error);
        }
      };
    }
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
