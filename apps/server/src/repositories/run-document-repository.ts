import type { LogLevel, RunDocument } from '@junction/runtime';
import { type CopyColumnType, encodeCopyBinary } from '../db/copy-binary.ts';
import type { Database, Queryable } from '../db/database.ts';
import { withoutEscapedNul } from '../db/postgres-text.ts';
import { createStatementBatcher } from '../db/statement-batcher.ts';
import { type ChunkPlace, type ChunkReader, openChunk, packChunks } from './document-chunks.ts';

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
  data: string | null;
  properties: Record<string, string> | null;
  body_chunk: number | null;
  body_part: number | null;
  error: string | null;
}

/** A row whose body is filled in: from its own columns or from its chunk. */
type ReadRow = DocumentRow & { data: string; properties: Record<string, string> };

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

/** A batch as one JSON parameter, with NUL (which PostgreSQL cannot hold) as U+FFFD. */
function jsonParam(rows: unknown[]): string {
  return withoutEscapedNul(JSON.stringify(rows));
}

/**
 * One column of the row a row points at (`same_as`): its body's data, properties or
 * place in a chunk. That row is the same document (the recorder points a row only at
 * an earlier appearance of the same document), so the lookup names its id as well as
 * its seq: PGlite never gathers statistics, and with the seq alone its planner chose
 * the document index by the run's prefix and walked every row of the run per row.
 * With the id, either index finds the few appearances of one document.
 */
const sameAs = (column: string) => `COALESCE(r.${column}, (SELECT b.${column} FROM run_documents b
      WHERE b.account_id = r.account_id AND b.run_id = r.run_id AND b.document_id = r.document_id
        AND b.seq = r.same_as)) AS ${column}`;

/**
 * Document rows with the body of the row they point at filled in: its data and
 * properties, or where in a chunk they are. Scalar subqueries rather than a join:
 * each looks up one document's rows by index, whatever the planner knows of the
 * table (a join planned blind can scan the table per row).
 */
const SELECT_DOCUMENTS = `SELECT r.seq, r.shape_id, r.direction, r.port, r.document_id, r.parent_id, r.error,
    ${['data', 'properties', 'body_chunk', 'body_part'].map(sameAs).join(', ')}
  FROM run_documents r`;

/** Runs writing fewer rows than this at once share a statement with other runs. */
const SHARED_BATCH_ROWS = 100;

/** A row as written: its body in its own columns, in an earlier row, or in a chunk. */
type RowToWrite = Omit<StoredDocumentRow, 'data' | 'properties'> &
  (
    | { data: string; properties: Record<string, string> }
    | { sameAs: number }
    | { chunk: ChunkPlace }
  );

interface DocumentWrite {
  accountId: string;
  runId: string;
  rows: readonly RowToWrite[];
}

/** The body columns of a row, whichever way it holds its body. */
function bodyColumns(r: RowToWrite) {
  if ('sameAs' in r) {
    return { data: null, properties: null, same_as: r.sameAs, body_chunk: null, body_part: null };
  }
  if ('chunk' in r) {
    return {
      data: null,
      properties: null,
      same_as: null,
      body_chunk: r.chunk.chunk,
      body_part: r.chunk.part,
    };
  }
  return {
    data: r.data,
    properties: r.properties,
    same_as: null,
    body_chunk: null,
    body_part: null,
  };
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
      ...bodyColumns(r),
      error: r.error,
    })),
  );
  await db.query(
    `INSERT INTO run_documents (account_id, run_id, seq, shape_id, direction, port, document_id, parent_id, data, properties, same_as, body_chunk, body_part, error)
     SELECT x.account_id, x.run_id, x.seq, x.shape_id, x.direction, x.port, x.document_id, x.parent_id, x.data, x.properties, x.same_as, x.body_chunk, x.body_part, x.error
     FROM jsonb_to_recordset($1::jsonb) AS x(account_id text, run_id text, seq integer, shape_id text,
       direction text, port text, document_id text, parent_id text, data text, properties jsonb,
       same_as integer, body_chunk integer, body_part integer, error text)`,
    [jsonParam(payload)],
  );
}

const COPY_DOCUMENTS = `run_documents (account_id, run_id, seq, shape_id, direction, port,
  document_id, parent_id, data, properties, same_as, body_chunk, body_part, error)`;
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
  'int4',
  'int4',
  'text',
];

/**
 * One run's document rows through COPY: embedded PGlite reads them as one file of
 * binary rows, where a JSON parameter would be copied in, parsed as jsonb and
 * every value unescaped from inside its JSON string.
 */
async function copyDocumentRows(
  copyBinary: (into: string, data: Uint8Array) => Promise<void>,
  { accountId, runId, rows }: DocumentWrite,
): Promise<void> {
  const values = rows.map((r) => {
    const body = bodyColumns(r);
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
      body.properties === null ? null : JSON.stringify(body.properties),
      body.same_as,
      body.body_chunk,
      body.body_part,
      r.error,
    ];
  });
  await copyBinary(COPY_DOCUMENTS, encodeCopyBinary(COPY_TYPES, values));
}

/**
 * A large batch's bodies packed into chunks and stored, before the rows that point
 * into them: a row never points at a chunk that is not there. If the rows then fail,
 * the recorder stores them one by one with their own bodies, and the chunks stay
 * unread until the run is deleted with them.
 */
async function storeChunks(
  db: Database,
  { accountId, runId, rows }: DocumentWrite,
): Promise<RowToWrite[]> {
  const owned = rows.filter((r) => 'data' in r);
  const { chunks, places } = await packChunks(owned);
  if (chunks.length === 0) {
    return [...rows];
  } else if (db.copyBinary) {
    await db.copyBinary(
      'run_document_chunks (account_id, run_id, chunk, body)',
      encodeCopyBinary(
        ['text', 'text', 'int4', 'bytea'],
        chunks.map((c) => [accountId, runId, c.chunk, c.body]),
      ),
    );
  } else {
    await db.query(
      `INSERT INTO run_document_chunks (account_id, run_id, chunk, body)
       SELECT $1, $2, x.chunk, x.body FROM unnest($3::integer[], $4::bytea[]) AS x(chunk, body)`,
      [accountId, runId, chunks.map((c) => c.chunk), chunks.map((c) => c.body)],
    );
  }
  let next = 0;
  return rows.map((r) => {
    if (!('data' in r)) {
      return r;
    }
    const { data: _data, properties: _properties, ...rest } = r;
    return { ...rest, chunk: places[next++]! };
  });
}

/**
 * Rows with their bodies filled in: those kept in chunks are read from them, each
 * chunk they need fetched and decompressed once.
 */
async function withBodies(
  db: Queryable,
  accountId: string,
  runId: string,
  rows: readonly DocumentRow[],
): Promise<ReadRow[]> {
  const wanted = [...new Set(rows.flatMap((r) => (r.body_chunk === null ? [] : [r.body_chunk])))];
  const readers = new Map<number, ChunkReader>();
  if (wanted.length > 0) {
    const stored = await db.query<{ chunk: number; body: Uint8Array }>(
      'SELECT chunk, body FROM run_document_chunks WHERE account_id = $1 AND run_id = $2 AND chunk = ANY($3::integer[])',
      [accountId, runId, wanted],
    );
    await Promise.all(
      stored.map(async (c) => readers.set(c.chunk, await openChunk(c.chunk, c.body))),
    );
  }
  return rows.map((r) => {
    if (r.body_chunk === null) {
      return { ...r, data: r.data ?? '', properties: r.properties ?? {} };
    }
    const read = readers.get(r.body_chunk);
    if (read === undefined) {
      throw new Error(`The chunk ${r.body_chunk} of this run's documents is missing.`);
    }
    return { ...r, ...read(r.body_part ?? -1) };
  });
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
        `${SELECT_DOCUMENTS} WHERE r.account_id = $1 AND r.run_id = $2 AND ${where}`,
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
      const chunked = { ...write, rows: await storeChunks(db, write) };
      if (copyBinary) {
        await copyDocumentRows(copyBinary, chunked);
      } else {
        await insertDocumentRows(db, [chunked]);
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
      const rows = await read(
        `r.shape_id = $3 AND r.direction = $4 ORDER BY r.seq LIMIT $5 OFFSET $6`,
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
      const rows = await read('r.document_id = $3 ORDER BY r.seq', [accountId, runId, documentId]);
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
      const rows = await read('r.shape_id = $3 AND r.direction = $4 ORDER BY r.seq', [
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
