import { type CopyColumnType, encodeCopyBinary } from '../db/copy-binary.ts';
import type { Database, Queryable } from '../db/database.ts';
import { withoutEscapedNul } from '../db/postgres-text.ts';
import { type DocumentDirection, deleteChunks, insertChunks } from './document-bodies.ts';
import { type ChunkPlace, type PackedChunk, packChunks } from './document-chunks.ts';

// How a run's document rows are written: as one JSON parameter, or on embedded PGlite
// as a binary COPY, a large batch's bodies packed into chunks first. Reading them back
// is document-bodies.ts; the repository (run-document-repository.ts) chooses the way.

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

/** A batch as one JSON parameter, with NUL (which PostgreSQL cannot hold) as U+FFFD. */
export function jsonParam(rows: unknown[]): string {
  return withoutEscapedNul(JSON.stringify(rows));
}

/** Runs writing fewer rows than this at once share a statement with other runs. */
export const SHARED_BATCH_ROWS = 100;

/** A row as written: its body in its own columns, in an earlier row, or in a chunk. */
type RowToWrite = Omit<StoredDocumentRow, 'data' | 'properties'> &
  (
    | { data: string; properties: Record<string, string> }
    | { sameAs: number }
    | { chunk: ChunkPlace }
  );

export interface DocumentWrite {
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
export async function insertDocumentRows(
  db: Queryable,
  writes: readonly DocumentWrite[],
): Promise<void> {
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
 * into them: a row never points at a chunk that is not there. Returns the rows as
 * they are then written, and the chunks (to remove should the rows fail).
 */
async function storeChunks(
  db: Database,
  { accountId, runId, rows }: DocumentWrite,
): Promise<{ rows: RowToWrite[]; chunks: PackedChunk[] }> {
  const { chunks, places } = await packChunks(rows.filter((r) => 'data' in r));
  if (chunks.length === 0) {
    return { rows: [...rows], chunks };
  }
  await insertChunks(db, accountId, runId, chunks);
  let next = 0;
  const placed = rows.map((r) => {
    if (!('data' in r)) {
      return r;
    }
    const { data: _data, properties: _properties, ...rest } = r;
    return { ...rest, chunk: places[next++]! };
  });
  return { rows: placed, chunks };
}

/**
 * A large batch of one run as a statement of its own: its bodies packed into chunks,
 * then its rows, by COPY where the database takes one. Should the rows fail, their
 * chunks are removed again (the recorder then stores the rows one by one, each with
 * its own body).
 */
export async function writeLargeBatch(db: Database, write: DocumentWrite): Promise<void> {
  const { rows: placed, chunks } = await storeChunks(db, write);
  const chunked = { ...write, rows: placed };
  const copyBinary = db.copyBinary?.bind(db);
  try {
    if (copyBinary) {
      await copyDocumentRows(copyBinary, chunked);
    } else {
      await insertDocumentRows(db, [chunked]);
    }
  } catch (error) {
    if (chunks.length > 0) {
      await deleteChunks(db, write.accountId, write.runId, chunks).catch(() => undefined);
    }
    throw error;
  }
}
