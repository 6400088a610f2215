import type { RunRecord } from '@junction/api';

/**
 * Why a run does not hold the document another one was made from, in words for
 * the person following the lineage: an execution keeps only what Process
 * Reporting tracks, and a test run keeps everything it could store.
 */
export function missingParentNote(run: Pick<RunRecord, 'executionType'>, parentId: string): string {
  if (run.executionType !== 'test_manual') {
    return `It was made from document ${parentId}, which this execution did not keep: executions keep only tracked documents (Start's output, each connector's tracked side and documents in error).`;
  }
  return `It was made from document ${parentId}, which this run did not store (the run's log says when a document could not be stored).`;
}
