import { createProcess } from '@junction/process-model';
import type { RunDocument } from '@junction/runtime';
import type { Database } from '../src/db/database.ts';
import { DEFAULT_ACCOUNT_ID } from '../src/repositories/account-repository.ts';
import {
  createRunDocumentRepository,
  type DocumentDirection,
} from '../src/repositories/run-document-repository.ts';
import { createRunRepository } from '../src/repositories/run-repository.ts';
import { createDocumentRecorder } from '../src/runs/document-recorder.ts';

/** A run logger that says nothing: these tests read what the recorder stored. */
export const silent = { error: () => undefined } as never;

/**
 * What the recorder suites share: runs to record into, recorders, and reads of what
 * they stored. `db` is read when called: suites open their database in `beforeAll`.
 */
export function documentRecording(db: () => Database) {
  const newRun = (id: string) =>
    createRunRepository(db()).create(DEFAULT_ACCOUNT_ID, {
      id,
      processId: null,
      document: createProcess({ id, name: id }),
      connectionId: null,
      executionType: 'test_manual',
      revision: null,
      originalRunId: null,
    });
  /**
   * A recorder of every shape's documents; rows handed over early wait for a full batch
   * unless `earlyRowsWaitMs` says otherwise, so a test sees exactly the batches it made.
   */
  const recorderFor = (runId: string, batchSize?: number, earlyRowsWaitMs = 600_000) =>
    createDocumentRecorder({
      scope: { keep: 'all' },
      store: createRunDocumentRepository(db()),
      accountId: DEFAULT_ACCOUNT_ID,
      runId,
      log: silent,
      earlyRowsWaitMs,
      ...(batchSize === undefined ? {} : { batchSize }),
    });
  /** A new run whose List gave out `docs` (and failed `errors`), recorded; resolves with the rows stored. */
  const recordListOutputs = async (
    runId: string,
    docs: RunDocument[],
    errors: { document: RunDocument; message: string }[] = [],
  ) => {
    await newRun(runId);
    const recorder = recorderFor(runId);
    recorder.result('list', { outputs: new Map([['default', docs]]), errors });
    return recorder.finish([]);
  };
  /** The run's document rows, or those matching `condition`. */
  const rowsOf = async (runId: string, condition = 'true') =>
    Number(
      (
        await db().query<{ n: string | number }>(
          `SELECT count(*) AS n FROM run_documents WHERE run_id = $1 AND (${condition})`,
          [runId],
        )
      )[0]?.n,
    );
  /** The run's rows that hold a body (inline or in a chunk), not a pointer to another row. */
  const bodies = (runId: string) => rowsOf(runId, 'data IS NOT NULL OR body_chunk IS NOT NULL');
  /** `count` small JSON documents, ids `prefix0`, `prefix1`, … */
  const records = (prefix: string, count: number) =>
    Array.from(
      { length: count },
      (_, i): RunDocument => ({ id: `${prefix}${i}`, data: `{"i":${i}}`, properties: {} }),
    );
  /** A page of one shape's documents in one direction, as the inspector reads it. */
  const pageOf = (
    runId: string,
    shapeId: string,
    direction: DocumentDirection,
    offset = 0,
    limit = 10,
  ) =>
    createRunDocumentRepository(db()).pageForShape(DEFAULT_ACCOUNT_ID, runId, shapeId, direction, {
      offset,
      limit,
    });
  /** The keys of the run's chunks. */
  const chunksOf = (runId: string) =>
    db().query<{ chunk: number }>('SELECT chunk FROM run_document_chunks WHERE run_id = $1', [
      runId,
    ]);
  return { newRun, recorderFor, recordListOutputs, rowsOf, bodies, records, pageOf, chunksOf };
}
