import type { LogLevel, RunDocument } from '@junction/runtime';
import { type CopyColumnType, encodeCopyBinary } from '../db/copy-binary.ts';
import type { Database, Queryable } from '../db/database.ts';
import { withoutEscapedNul } from '../db/postgres-text.ts';
import { createStatementBatcher } from '../db/statement-batcher.ts';

export type DocumentDirection = 'in' | 'out' | 'error';

/** One document as one shape saw it: entering (`in`), leaving on `port`, or failing. */
export interface StoredDocumentRow {
  seq: number;
  shapeId: string;
  direction: DocumentDirection;
  port: string | null;
  documentId: string;
  parentId: string | null;
  data: string;
  properties: Record<string, string>;
  error: string | null;
}

/**
 * A row to store: with its own data and properties, or `sameAs` the seq of an
 * earlier row of the run whose document had exactly these (a document that passes
 * from one shape to the next unchanged is stored once).
 */
export type DocumentRowInput = Omit<StoredDocumentRow, 'data' | 'properties'> &
  ({ data: string; properties: Record<string, string> } | { sameAs: number });

export interface StoredLogRow {
  seq: number;
  shapeId: string;
  level: LogLevel;
  message: string;
  documentId: string | null;
}

interface DocumentRow {
  seq: number;
  shape_id: string;
  direction: DocumentDirection;
  port: string | null;
  document_id: string;
  parent_id: string | null;
  data: string;
  properties: Record<string, string>;
  error: string | null;
}

interface LogRow {
  seq: number;
  shape_id: string;
  level: LogLevel;
  message: string;
  document_id: string | null;
}

const toDocument = (r: DocumentRow): StoredDocumentRow => ({
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

/** A batch as one JSON parameter, with NUL (which PostgreSQL cannot hold) as U+FFFD. */
function jsonParam(rows: unknown[]): string {
  return withoutEscapedNul(JSON.stringify(rows));
}

/**
 * Document rows with the body of the row they point at filled in (`same_as`).
 * Scalar subqueries on the primary key rather than a join: each looks up one row
 * by index, whatever the planner knows of the table (a fresh bulk insert has no
 * statistics, and a join planned blind can scan the table per row).
 */
const SELECT_DOCUMENTS = `SELECT r.seq, r.shape_id, r.direction, r.port, r.document_id, r.parent_id, r.error,
    COALESCE(r.data, (SELECT b.data FROM run_documents b
      WHERE b.account_id = r.account_id AND b.run_id = r.run_id AND b.seq = r.same_as)) AS data,
    COALESCE(r.properties, (SELECT b.properties FROM run_documents b
      WHERE b.account_id = r.account_id AND b.run_id = r.run_id AND b.seq = r.same_as)) AS properties
  FROM run_documents r`;

/** Runs writing fewer rows than this at once share a statement with other runs. */
const SHARED_BATCH_ROWS = 100;

interface DocumentWrite {
  accountId: string;
  runId: string;
  rows: readonly DocumentRowInput[];
}

/** Document rows of one or more runs, as one INSERT. */
async function insertDocumentRows(db: Queryable, writes: readonly DocumentWrite[]): Promise<void> {
  const payload = writes.flatMap(({ accountId, runId, rows }) =>
    rows.map((r) => ({
      account_id: accountId,
      run_id: runId,
      seq: r.seq,
      shape_id: r.shapeId,
      direction: r.direction,
      port: r.port,
      document_id: r.documentId,
      parent_id: r.parentId,
      ...('sameAs' in r ? { same_as: r.sameAs } : { data: r.data, properties: r.properties }),
      error: r.error,
    })),
  );
  await db.query(
    `INSERT INTO run_documents (account_id, run_id, seq, shape_id, direction, port, document_id, parent_id, data, properties, same_as, error)
     SELECT x.account_id, x.run_id, x.seq, x.shape_id, x.direction, x.port, x.document_id, x.parent_id, x.data, x.properties, x.same_as, x.error
     FROM jsonb_to_recordset($1::jsonb) AS x(account_id text, run_id text, seq integer, shape_id text,
       direction text, port text, document_id text, parent_id text, data text, properties jsonb,
       same_as integer, error text)`,
    [jsonParam(payload)],
  );
}

const COPY_DOCUMENTS = `run_documents (account_id, run_id, seq, shape_id, direction, port,
  document_id, parent_id, data, properties, same_as, error)`;
const COPY_TYPES: readonly CopyColumnType[] = [
  'text',
  'text',
  'int4',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'jsonb',
  'int4',
  'text',
];

/**
 * One run's document rows through COPY: embedded PGlite reads them as one file of
 * binary rows. A 2,000-row batch of sandbox records is about 12 MB; as a JSON
 * parameter PGlite copied it in, parsed it as jsonb and unescaped every document
 * from inside its JSON string, which took most of a test run's storage time.
 */
async function copyDocumentRows(
  copyBinary: (into: string, data: Uint8Array) => Promise<void>,
  { accountId, runId, rows }: DocumentWrite,
): Promise<void> {
  const values = rows.map((r) => {
    const body =
      'sameAs' in r
        ? { data: null, properties: null, sameAs: r.sameAs }
        : { data: r.data, properties: JSON.stringify(r.properties), sameAs: null };
    return [
      accountId,
      runId,
      r.seq,
      r.shapeId,
      r.direction,
      r.port,
      r.documentId,
      r.parentId,
      body.data,
      body.properties,
      body.sameAs,
      r.error,
    ];
  });
  await copyBinary(COPY_DOCUMENTS, encodeCopyBinary(COPY_TYPES, values));
}

/**
 * What each shape of a run took in and gave out, and the run's log. Rows arrive
 * in batches and go in as one statement per batch: on embedded PGlite a large batch
 * is a binary COPY; otherwise the batch travels as a single JSON parameter expanded
 * by jsonb_to_recordset, which is far faster than one INSERT per document and has
 * no bind-parameter limit.
 */
export function createRunDocumentRepository(db: Database) {
  const copyBinary = db.copyBinary?.bind(db);
  const insertShared = createStatementBatcher<DocumentWrite, void>({
    one: (write) => insertDocumentRows(db, [write]),
    many: async (writes) => {
      await insertDocumentRows(db, writes);
      return writes.map(() => undefined);
    },
  });
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
      } else if (copyBinary) {
        await copyDocumentRows(copyBinary, write);
      } else {
        await insertDocumentRows(db, [write]);
      }
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
      const rows = await db.query<DocumentRow>(
        `${SELECT_DOCUMENTS} WHERE r.account_id = $1 AND r.run_id = $2 AND r.shape_id = $3 AND r.direction = $4
         ORDER BY r.seq LIMIT $5 OFFSET $6`,
        [accountId, runId, shapeId, direction, page.limit, page.offset],
      );
      const [count] = await db.query<{ total: string | number }>(
        'SELECT count(*) AS total FROM run_documents WHERE account_id = $1 AND run_id = $2 AND shape_id = $3 AND direction = $4',
        [accountId, runId, shapeId, direction],
      );
      return { items: rows.map(toDocument), total: Number(count?.total ?? 0) };
    },

    /** Every appearance of one document in a run, in run order. */
    async appearances(accountId: string, runId: string, documentId: string) {
      const rows = await db.query<DocumentRow>(
        `${SELECT_DOCUMENTS} WHERE r.account_id = $1 AND r.run_id = $2 AND r.document_id = $3 ORDER BY r.seq`,
        [accountId, runId, documentId],
      );
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
      const rows = await db.query<DocumentRow>(
        `${SELECT_DOCUMENTS} WHERE r.account_id = $1 AND r.run_id = $2 AND r.shape_id = $3 AND r.direction = $4 ORDER BY r.seq`,
        [accountId, runId, shapeId, direction],
      );
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
