import { HostAbort } from './host-abort.ts';

/** How long a run may take by default (JUNCTION_MAX_RUN_MINUTES): a day. */
export const DEFAULT_MAX_RUN_MS = 24 * 60 * 60 * 1000;

/** Why a run that went past the limit ended ABORTED. */
export function maxRunReason(ms: number): string {
  const limit = ms % 60_000 === 0 ? `${ms / 60_000} minutes` : `${ms / 1000} seconds`;
  return `The run went past the maximum run time of ${limit} (JUNCTION_MAX_RUN_MINUTES) and was stopped.`;
}

/**
 * The run's signal, also aborted (with the reason above) once it has run `ms`: a run
 * stuck on a call that never answers, or looping through documents, ends on its own
 * instead of holding its slot forever. `clear` stops the clock once the run is over.
 */
export function withRunTimeLimit(
  signal: AbortSignal,
  ms: number,
): { signal: AbortSignal; clear(): void } {
  const limit = new AbortController();
  const timer = setTimeout(() => limit.abort(new HostAbort(maxRunReason(ms))), ms);
  timer.unref();
  return { signal: AbortSignal.any([signal, limit.signal]), clear: () => clearTimeout(timer) };
}
