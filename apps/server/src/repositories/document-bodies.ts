import { encodeCopyBinary } from '../db/copy-binary.ts';
import type { Database, Queryable } from '../db/database.ts';
import { type DocumentBody, openChunk, type PackedChunk } from './document-chunks.ts';

export type DocumentDirection = 'in' | 'out' | 'error';

/** A stored document row as read, before its body is found. */
export interface DocumentRow {
  seq: number;
  shape_id: string;
  direction: DocumentDirection;
  port: string | null;
  document_id: string;
  parent_id: string | null;
  data: string | null;
  properties: Record<string, string> | null;
  same_as: number | null;
  body_chunk: number | null;
  body_part: number | null;
  error: string | null;
}

/** A row with its body found: in its own columns, in the row it repeats, or in a chunk. */
export type ReadRow = DocumentRow & DocumentBody;

/** Every column of a document row; bodies are found afterwards (`withBodies`). */
export const SELECT_DOCUMENT_ROWS = `SELECT seq, shape_id, direction, port, document_id, parent_id,
  data, properties, same_as, body_chunk, body_part, error FROM run_documents`;

/** A stored body that cannot be read: a broken pointer or a damaged chunk. */
const unreadable = (seq: number, why: string) =>
  new Error(`The body of this run's document row ${seq} cannot be read: ${why}.`);

/**
 * The rows that `rows` repeat (`same_as`), by seq. One lookup for them all, naming
 * their document ids as well as their seqs (a row repeats an earlier appearance of
 * the same document): PGlite never gathers statistics, and with seqs alone its
 * planner may take the document index by the run's prefix and walk the whole run.
 * With both, either index finds only what it is asked for.
 */
async function repeatedRows(
  db: Queryable,
  accountId: string,
  runId: string,
  rows: readonly DocumentRow[],
): Promise<Map<number, DocumentRow>> {
  const pointing = rows.filter((r) => r.same_as !== null);
  if (pointing.length === 0) {
    return new Map();
  }
  const found = await db.query<DocumentRow>(
    `${SELECT_DOCUMENT_ROWS} WHERE account_id = $1 AND run_id = $2
       AND document_id = ANY($3::text[]) AND seq = ANY($4::integer[])`,
    [
      accountId,
      runId,
      [...new Set(pointing.map((r) => r.document_id))],
      [...new Set(pointing.map((r) => r.same_as))],
    ],
  );
  return new Map(found.map((r) => [r.seq, r]));
}

/**
 * Rows with their bodies filled in. A body kept in a chunk is read from it: each
 * chunk is fetched once and decompressed one at a time, and let go once its bodies
 * are read, so a page or a replay holds one decompressed chunk at a time.
 */
export async function withBodies(
  db: Queryable,
  accountId: string,
  runId: string,
  rows: readonly DocumentRow[],
): Promise<ReadRow[]> {
  const repeated = await repeatedRows(db, accountId, runId, rows);
  const holders = rows.map((r) => {
    const holder = r.same_as === null ? r : repeated.get(r.same_as);
    if (holder === undefined) {
      throw unreadable(r.seq, `the row it repeats (${r.same_as}) is not there`);
    }
    return holder;
  });
  const out: (ReadRow | undefined)[] = rows.map((r, i) => {
    const h = holders[i]!;
    if (h.body_chunk !== null) {
      return undefined;
    }
    if (h.data === null || h.properties === null) {
      throw unreadable(r.seq, 'it has no body');
    }
    return { ...r, data: h.data, properties: h.properties };
  });
  const inChunk = new Map<number, number[]>();
  holders.forEach((h, i) => {
    if (h.body_chunk !== null) {
      const parts = inChunk.get(h.body_chunk) ?? [];
      parts.push(i);
      inChunk.set(h.body_chunk, parts);
    }
  });
  if (inChunk.size > 0) {
    const stored = await db.query<{ chunk: number; body: Uint8Array }>(
      'SELECT chunk, body FROM run_document_chunks WHERE account_id = $1 AND run_id = $2 AND chunk = ANY($3::integer[])',
      [accountId, runId, [...inChunk.keys()]],
    );
    for (const { chunk, body } of stored) {
      const read = await openChunk(chunk, body);
      for (const i of inChunk.get(chunk) ?? []) {
        out[i] = { ...rows[i]!, ...read(holders[i]!.body_part ?? -1) };
      }
    }
  }
  return out.map((r, i) => {
    if (r === undefined) {
      throw unreadable(rows[i]!.seq, `its chunk ${holders[i]!.body_chunk} is not there`);
    }
    return r;
  });
}

/** Stores a run's packed chunks: a binary COPY where the database takes one. */
export async function insertChunks(
  db: Database,
  accountId: string,
  runId: string,
  chunks: readonly PackedChunk[],
): Promise<void> {
  if (db.copyBinary) {
    await db.copyBinary(
      'run_document_chunks (account_id, run_id, chunk, body)',
      encodeCopyBinary(
        ['text', 'text', 'int4', 'bytea'],
        chunks.map((c) => [accountId, runId, c.chunk, c.body]),
      ),
    );
    return;
  }
  await db.query(
    `INSERT INTO run_document_chunks (account_id, run_id, chunk, body)
     SELECT $1, $2, x.chunk, x.body FROM unnest($3::integer[], $4::bytea[]) AS x(chunk, body)`,
    [accountId, runId, chunks.map((c) => c.chunk), chunks.map((c) => c.body)],
  );
}

/** Removes chunks whose rows could not be stored (their bodies are stored again by row). */
export async function deleteChunks(
  db: Queryable,
  accountId: string,
  runId: string,
  chunks: readonly PackedChunk[],
): Promise<void> {
  await db.query(
    'DELETE FROM run_document_chunks WHERE account_id = $1 AND run_id = $2 AND chunk = ANY($3::integer[])',
    [accountId, runId, chunks.map((c) => c.chunk)],
  );
}
