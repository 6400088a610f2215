import { isWellFormed, withoutEscapedNul, withoutNul } from './postgres-text.ts';

/** How a column's value is written in a binary COPY. */
export type CopyColumnType = 'text' | 'int4' | 'jsonb' | 'bytea';

/**
 * A text or jsonb column takes a string (jsonb: JSON text), an int4 a number, a bytea
 * bytes; null is NULL.
 */
export type CopyValue = string | number | Uint8Array | null;

/** PostgreSQL's binary COPY header: signature, flags, header extension length. */
const HEADER = Buffer.concat([
  Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
  Buffer.from([0, 0, 0, 0, 0, 0, 0, 0]),
]);

/** The jsonb binary format: a version byte, then the JSON text. */
const JSONB_VERSION = 1;

/**
 * Rows in PostgreSQL's binary COPY format (`COPY … FROM … WITH (FORMAT binary)`).
 * Binary rather than text or CSV: strings go in as their UTF-8 bytes with a length,
 * so a document of JSON needs no escaping at all, and encoding megabytes of it is
 * one native copy per value. Like a parameter, text cannot hold NUL: it becomes
 * U+FFFD, as the JSON batches turn its escape into it. A lone surrogate (which
 * UTF-8 cannot encode) is refused, as PostgreSQL refuses its JSON escape: the
 * caller learns the rows cannot go in this way rather than finding them changed.
 */
export function encodeCopyBinary(
  types: readonly CopyColumnType[],
  rows: readonly (readonly CopyValue[])[],
): Uint8Array {
  // Two passes: the exact size first (Buffer.byteLength is native and cheap), so the
  // rows are written once into one buffer rather than grown and copied.
  const strings: string[] = [];
  let size = HEADER.length + 2;
  for (const row of rows) {
    if (row.length !== types.length) {
      throw new Error(`A COPY row has ${row.length} values for ${types.length} columns.`);
    }
    size += 2 + 4 * row.length;
    for (const [i, value] of row.entries()) {
      if (value === null) {
        continue;
      }
      const type = types[i]!;
      if (type === 'int4') {
        size += 4;
        continue;
      }
      if (type === 'bytea') {
        size += (value as Uint8Array).byteLength;
        continue;
      }
      const text = typeof value === 'string' ? value : String(value);
      if (!isWellFormed(text)) {
        throw new Error(
          `Column ${i + 1} of a COPY row holds a lone surrogate, which UTF-8 cannot encode.`,
        );
      }
      const clean = type === 'jsonb' ? withoutEscapedNul(text) : withoutNul(text);
      strings.push(clean);
      size += Buffer.byteLength(clean) + (type === 'jsonb' ? 1 : 0);
    }
  }
  const buffer = Buffer.allocUnsafe(size);
  let at = HEADER.copy(buffer, 0);
  let next = 0;
  for (const row of rows) {
    at = buffer.writeInt16BE(row.length, at);
    for (const [i, value] of row.entries()) {
      if (value === null) {
        at = buffer.writeInt32BE(-1, at);
        continue;
      }
      const type = types[i]!;
      if (type === 'int4') {
        at = buffer.writeInt32BE(4, at);
        at = buffer.writeInt32BE(value as number, at);
        continue;
      }
      if (type === 'bytea') {
        const bytes = value as Uint8Array;
        at = buffer.writeInt32BE(bytes.byteLength, at);
        buffer.set(bytes, at);
        at += bytes.byteLength;
        continue;
      }
      const text = strings[next++]!;
      const lengthAt = at;
      at += 4;
      if (type === 'jsonb') {
        at = buffer.writeUInt8(JSONB_VERSION, at);
      }
      at += buffer.write(text, at, 'utf8');
      buffer.writeInt32BE(at - lengthAt - 4, lengthAt);
    }
  }
  at = buffer.writeInt16BE(-1, at);
  if (at !== size) {
    throw new Error(`unreachable: COPY data of ${at} bytes, ${size} counted`);
  }
  return buffer;
}
