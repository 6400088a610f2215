import type { RunOutcome, RunStatus } from './types.ts';

/** A run that did its work: every document finished, with or without warnings. */
export function succeeded(status: RunStatus): boolean {
  return status === 'complete' || status === 'complete-warn';
}

/**
 * COMPLETE_WARN (process-semantics.md §8, conflict settled here): Boomi raises it
 * only for low-latency warnings, which Junction does not have. Junction uses it for
 * a run whose process and every document finished without error but whose log
 * holds a warning or an error line: a Notify at Warning or Error level, errors a
 * Try/Catch handled, a child process that warned, a cap that was reached. A run
 * that is already an error or aborted keeps that status.
 */
export function withWarnings(outcome: RunOutcome): RunOutcome {
  if (outcome.status === 'complete' && outcome.log?.some((entry) => entry.level !== 'info')) {
    outcome.status = 'complete-warn';
  }
  return outcome;
}
