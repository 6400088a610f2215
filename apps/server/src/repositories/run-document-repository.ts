import type { LogLevel, RunDocument } from '@junction/runtime';
import type { Database } from '../db/database.ts';
import { createStatementBatcher } from '../db/statement-batcher.ts';
import {
  type DocumentDirection,
  type DocumentRow,
  type ReadRow,
  SELECT_DOCUMENT_ROWS,
  withBodies,
} from './document-bodies.ts';
import {
  type DocumentRowInput,
  type DocumentWrite,
  insertDocumentRows,
  jsonParam,
  SHARED_BATCH_ROWS,
  type StoredDocumentRow,
  writeLargeBatch,
} from './document-writes.ts';

export type { DocumentDirection, DocumentRowInput, StoredDocumentRow };

export interface StoredLogRow {
  seq: number;
  shapeId: string;
  level: LogLevel;
  message: string;
  documentId: string | null;
}

interface LogRow {
  seq: number;
  shape_id: string;
  level: LogLevel;
  message: string;
  document_id: string | null;
}

const toDocument = (r: ReadRow): StoredDocumentRow => ({
  seq: r.seq,
  shapeId: r.shape_id,
  direction: r.direction,
  port: r.port,
  documentId: r.document_id,
  parentId: r.parent_id,
  data: r.data,
  properties: r.properties,
  error: r.error,
});

const toLog = (r: LogRow): StoredLogRow => ({
  seq: r.seq,
  shapeId: r.shape_id,
  level: r.level,
  message: r.message,
  documentId: r.document_id,
});

/** Rows deleted by one statement when a run takes rows back. */
const DELETE_SLICE = 10_000;

/**
 * What each shape of a run took in and gave out, and the run's log. Rows arrive
 * in batches and go in as one statement per batch: on embedded PGlite a large batch
 * is a binary COPY; otherwise the batch travels as a single JSON parameter expanded
 * by jsonb_to_recordset, which is far faster than one INSERT per document and has
 * no bind-parameter limit.
 */
export function createRunDocumentRepository(db: Database) {
  const insertShared = createStatementBatcher<DocumentWrite, void>({
    one: (write) => insertDocumentRows(db, [write]),
    many: async (writes) => {
      await insertDocumentRows(db, writes);
      return writes.map(() => undefined);
    },
  });
  /** Rows of one run (`$1` the account, `$2` the run) matching `where`, bodies filled in. */
  const read = async (
    where: string,
    params: [accountId: string, runId: string, ...rest: unknown[]],
  ): Promise<ReadRow[]> =>
    withBodies(
      db,
      params[0],
      params[1],
      await db.query<DocumentRow>(
        `${SELECT_DOCUMENT_ROWS} WHERE account_id = $1 AND run_id = $2 AND ${where}`,
        params,
      ),
    );
  return {
    async insertDocuments(
      accountId: string,
      runId: string,
      rows: readonly DocumentRowInput[],
    ): Promise<void> {
      if (rows.length === 0) {
        return;
      }
      const write = { accountId, runId, rows };
      // A large batch is a statement's worth alone (a COPY where the database takes
      // one); small ones (a short run's few documents) share one with those of the
      // other runs writing at the same time.
      if (rows.length < SHARED_BATCH_ROWS) {
        await insertShared(write);
        return;
      }
      await writeLargeBatch(db, write);
    },

    /**
     * Removes rows a run stored early that turned out not to be (a shape's outputs
     * withdrawn when its call failed); resolves with the rows deleted. By seq, joined
     * through the primary key, in slices: a generic plan of `seq = ANY($3)` would test
     * every row of the run against the whole list.
     */
    async deleteDocuments(accountId: string, runId: string, seqs: readonly number[]) {
      let deleted = 0;
      for (let i = 0; i < seqs.length; i += DELETE_SLICE) {
        const [gone] = await db.query<{ deleted: number }>(
          `WITH gone AS (
             DELETE FROM run_documents d USING unnest($3::integer[]) AS s(seq)
             WHERE d.account_id = $1 AND d.run_id = $2 AND d.seq = s.seq
             RETURNING 1
           )
           SELECT count(*)::integer AS deleted FROM gone`,
          [accountId, runId, seqs.slice(i, i + DELETE_SLICE)],
        );
        deleted += gone?.deleted ?? 0;
      }
      return deleted;
    },

    /**
     * Removes the chunks keyed within `ranges`: the seq ranges of batches whose every
     * row is gone (a chunk is keyed by the seq of its first body's row).
     */
    async deleteChunkRanges(
      accountId: string,
      runId: string,
      ranges: readonly (readonly [number, number])[],
    ): Promise<void> {
      await db.query(
        `DELETE FROM run_document_chunks c
         USING unnest($3::integer[], $4::integer[]) AS b(first, last)
         WHERE c.account_id = $1 AND c.run_id = $2 AND c.chunk BETWEEN b.first AND b.last`,
        [accountId, runId, ranges.map((b) => b[0]), ranges.map((b) => b[1])],
      );
    },

    async insertLogs(accountId: string, runId: string, rows: readonly StoredLogRow[]) {
      if (rows.length === 0) {
        return;
      }
      const payload = rows.map((r) => ({
        seq: r.seq,
        shape_id: r.shapeId,
        level: r.level,
        message: r.message,
        document_id: r.documentId,
      }));
      await db.query(
        `INSERT INTO run_logs (account_id, run_id, seq, shape_id, level, message, document_id)
         SELECT $1, $2, x.seq, x.shape_id, x.level, x.message, x.document_id
         FROM jsonb_to_recordset($3::jsonb) AS x(seq integer, shape_id text, level text, message text, document_id text)`,
        [accountId, runId, jsonParam(payload)],
      );
    },

    /** A page of the documents that entered (`in`) or left (`out`) one shape, in run order. */
    async pageForShape(
      accountId: string,
      runId: string,
      shapeId: string,
      direction: DocumentDirection,
      page: { offset: number; limit: number },
    ): Promise<{ items: StoredDocumentRow[]; total: number }> {
      const rows = await read('shape_id = $3 AND direction = $4 ORDER BY seq LIMIT $5 OFFSET $6', [
        accountId,
        runId,
        shapeId,
        direction,
        page.limit,
        page.offset,
      ]);
      const [count] = await db.query<{ total: string | number }>(
        'SELECT count(*) AS total FROM run_documents WHERE account_id = $1 AND run_id = $2 AND shape_id = $3 AND direction = $4',
        [accountId, runId, shapeId, direction],
      );
      return { items: rows.map(toDocument), total: Number(count?.total ?? 0) };
    },

    /** Every appearance of one document in a run, in run order. */
    async appearances(accountId: string, runId: string, documentId: string) {
      const rows = await read('document_id = $3 ORDER BY seq', [accountId, runId, documentId]);
      return rows.map(toDocument);
    },

    /** Whether the run stored `documentId` anywhere (so it can be opened). */
    async holds(accountId: string, runId: string, documentId: string): Promise<boolean> {
      const rows = await db.query(
        'SELECT 1 FROM run_documents WHERE account_id = $1 AND run_id = $2 AND document_id = $3 LIMIT 1',
        [accountId, runId, documentId],
      );
      return rows.length > 0;
    },

    /** The chain of documents `documentId` was made from, nearest parent first. */
    async ancestors(accountId: string, runId: string, documentId: string): Promise<string[]> {
      const rows = await db.query<{ id: string; depth: number }>(
        `WITH RECURSIVE chain(id, depth) AS (
           SELECT (SELECT parent_id FROM run_documents
                   WHERE account_id = $1 AND run_id = $2 AND document_id = $3 AND parent_id IS NOT NULL LIMIT 1), 1
           UNION ALL
           SELECT (SELECT d.parent_id FROM run_documents d
                   WHERE d.account_id = $1 AND d.run_id = $2 AND d.document_id = chain.id AND d.parent_id IS NOT NULL LIMIT 1),
                  chain.depth + 1
           FROM chain WHERE chain.id IS NOT NULL AND chain.depth < 100
         )
         SELECT id, depth FROM chain WHERE id IS NOT NULL ORDER BY depth`,
        [accountId, runId, documentId],
      );
      return rows.map((r) => r.id);
    },

    async logs(accountId: string, runId: string, filter: { documentId?: string } = {}) {
      const rows = await db.query<LogRow>(
        filter.documentId === undefined
          ? 'SELECT * FROM run_logs WHERE account_id = $1 AND run_id = $2 ORDER BY seq'
          : 'SELECT * FROM run_logs WHERE account_id = $1 AND run_id = $2 AND document_id = $3 ORDER BY seq',
        filter.documentId === undefined
          ? [accountId, runId]
          : [accountId, runId, filter.documentId],
      );
      return rows.map(toLog);
    },

    /** The documents that entered `shapeId` (all its batches), to run them again. */
    async documentsInto(
      accountId: string,
      runId: string,
      shapeId: string,
      direction: DocumentDirection = 'in',
    ): Promise<RunDocument[]> {
      const rows = await read('shape_id = $3 AND direction = $4 ORDER BY seq', [
        accountId,
        runId,
        shapeId,
        direction,
      ]);
      return rows.map((r) => ({
        id: r.document_id,
        data: r.data,
        properties: r.properties,
        ...(r.parent_id === null ? {} : { parentId: r.parent_id }),
      }));
    },
  };
}

export type RunDocumentRepository = ReturnType<typeof createRunDocumentRepository>;
