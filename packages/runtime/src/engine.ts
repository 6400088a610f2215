import type { ProcessDocument } from '@junction/process-model';
import { createExecution, type ExecuteOptions } from './execution.ts';
import { RunHalt } from './halt.ts';
import { runProcess } from './process-run.ts';
import { succeeded, withWarnings } from './run-status.ts';
import type { RunOutcome } from './types.ts';

export type { ExecuteOptions };

/**
 * Executes a process (process-semantics.md §6): a shape takes its whole batch
 * before anything moves on, and a shape's paths run depth first in port order,
 * each to completion before the next starts. Work that must only happen after a
 * successful run (Find Changes snapshots) is committed at the end.
 */
export async function executeProcess(
  process: ProcessDocument,
  options: ExecuteOptions,
): Promise<RunOutcome> {
  const execution = await createExecution(process, options);
  const { outcome } = await runProcess({
    process,
    execution,
    startDocuments: options.startDocuments,
    listener: options.listener ?? {},
    depth: 0,
  });
  // Subprocesses started without "wait" finish before the execution reports.
  const failure = (await Promise.all(execution.background)).find((e) => e !== undefined);
  if (failure && succeeded(outcome.status)) {
    outcome.status =
      failure instanceof RunHalt && failure.outcome === 'cancel' ? 'aborted' : 'error';
    outcome.error = failure.message;
  }
  // Background children may have logged since the process finished.
  withWarnings(outcome);
  if (succeeded(outcome.status)) {
    for (const action of execution.successActions) {
      await action();
    }
  }
  return outcome;
}
