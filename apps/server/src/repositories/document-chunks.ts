import { promisify } from 'node:util';
import { constants, zstdCompress, zstdDecompress } from 'node:zlib';
import { isWellFormed, withoutEscapedNul, withoutNul } from '../db/postgres-text.ts';

/** A document's body as a run stores it: its data and its property map. */
export interface DocumentBody {
  data: string;
  properties: Record<string, string>;
}

/** Where a body went: the chunk (keyed by the seq of its first body) and its index in it. */
export interface ChunkPlace {
  chunk: number;
  part: number;
}

/** One chunk of a run's bodies, compressed, under its key. */
export interface PackedChunk {
  chunk: number;
  body: Buffer;
}

/**
 * Bodies per chunk are cut at about this many bytes before compression: reading one
 * document decompresses its whole chunk (about a millisecond for 1 MB), and larger
 * chunks compress little better.
 */
export const CHUNK_BYTES = 1 << 20;

const compress = promisify(zstdCompress);
const decompress = promisify(zstdDecompress);
/**
 * Level 1: about 1 GB/s on a chunk of records; higher levels gain little on them.
 * With a checksum, a damaged chunk fails to decompress instead of reading as garbage.
 */
const ZSTD_OPTIONS = {
  params: { [constants.ZSTD_c_compressionLevel]: 1, [constants.ZSTD_c_checksumFlag]: 1 },
};

/** Whether any key or value of a property map holds a lone surrogate. */
const hasLoneSurrogate = (properties: Record<string, string>): boolean =>
  Object.entries(properties).some(([k, v]) => !isWellFormed(k) || !isWellFormed(v));

/**
 * A body's two texts as every other way of storing documents keeps them: NUL (which
 * PostgreSQL's text and jsonb cannot hold) as U+FFFD, and a lone surrogate (which
 * UTF-8 and jsonb cannot carry) refused rather than changed, so the recorder stores
 * the rest of its batch row by row and tells the refusal in the run's log.
 */
function storedTexts(body: DocumentBody, seq: number): [string, string] {
  if (!isWellFormed(body.data) || hasLoneSurrogate(body.properties)) {
    throw new Error(`Document row ${seq} holds a lone surrogate, which UTF-8 cannot encode.`);
  }
  return [withoutNul(body.data), withoutEscapedNul(JSON.stringify(body.properties))];
}

/**
 * A chunk's bytes before compression: the count, each body's two byte lengths, then
 * the texts as UTF-8. Written by hand because it is three loops: a general
 * serializer would escape every quote of every JSON document again. Measured first,
 * so the buffer is exactly the chunk's size: encoding into room for the worst case
 * (three bytes a character) skipped the measuring but made test runs slower (×2.26
 * against ×2.09 their paging floor in three alternating pairs), likely because three
 * times the memory outside the heap per chunk brings the collector round more often.
 */
function frame(texts: readonly string[]): Buffer {
  const lengths = texts.map((t) => Buffer.byteLength(t));
  const head = 4 + 4 * texts.length;
  const buffer = Buffer.allocUnsafe(head + lengths.reduce((a, b) => a + b, 0));
  let at = buffer.writeUInt32BE(texts.length / 2, 0);
  for (const length of lengths) {
    at = buffer.writeUInt32BE(length, at);
  }
  for (const text of texts) {
    at += buffer.write(text, at, 'utf8');
  }
  return buffer;
}

/**
 * Bodies of one run, in the order given, packed into compressed chunks of about
 * `chunkBytes` each. Records of one list are alike, so a chunk of them compresses
 * tens of times where a record alone compresses about three times; and the database
 * stores a few rows of bytes instead of compressing each record itself (pglz, which
 * on embedded PGlite ran as WebAssembly on the server's thread). Compression runs on
 * libuv's thread pool, off the event loop.
 */
export async function packChunks(
  bodies: readonly (DocumentBody & { seq: number })[],
  chunkBytes = CHUNK_BYTES,
): Promise<{ chunks: PackedChunk[]; places: ChunkPlace[] }> {
  const groups: { chunk: number; texts: string[] }[] = [];
  const places: ChunkPlace[] = [];
  let current: { chunk: number; texts: string[] } | undefined;
  let bytes = 0;
  for (const body of bodies) {
    const texts = storedTexts(body, body.seq);
    // UTF-16 length: a cheap stand-in for the bytes, good enough to size a chunk.
    const size = texts[0].length + texts[1].length;
    // A large body starts a chunk of its own, and the next body starts another:
    // reading its neighbours must not decompress it.
    const alone = size >= chunkBytes / 4;
    if (current === undefined || bytes >= chunkBytes || alone) {
      current = { chunk: body.seq, texts: [] };
      groups.push(current);
      bytes = 0;
    }
    places.push({ chunk: current.chunk, part: current.texts.length / 2 });
    current.texts.push(...texts);
    bytes = alone ? chunkBytes : bytes + size;
  }
  const chunks = await Promise.all(
    groups.map(async (g) => ({
      chunk: g.chunk,
      body: await compress(frame(g.texts), ZSTD_OPTIONS),
    })),
  );
  return { chunks, places };
}

/** Reads bodies out of one stored chunk. */
export type ChunkReader = (part: number) => DocumentBody;

const damaged = (chunk: number, why: string) =>
  new Error(`The stored chunk ${chunk} of this run's documents is damaged: ${why}.`);

/** Decompresses a stored chunk; bodies are decoded as they are asked for. */
export async function openChunk(chunk: number, stored: Uint8Array): Promise<ChunkReader> {
  let bytes: Buffer;
  try {
    bytes = await decompress(stored);
  } catch {
    throw damaged(chunk, 'it does not decompress');
  }
  const count = bytes.length >= 4 ? bytes.readUInt32BE(0) : -1;
  const head = 4 + 8 * count;
  if (count < 0 || head > bytes.length) {
    throw damaged(chunk, 'its header is cut short');
  }
  // Where each text starts, from the lengths after the count.
  const starts = new Array<number>(2 * count + 1);
  starts[0] = head;
  for (let i = 0; i < 2 * count; i++) {
    starts[i + 1] = starts[i]! + bytes.readUInt32BE(4 + 4 * i);
  }
  if (starts[2 * count] !== bytes.length) {
    throw damaged(chunk, 'its lengths do not add up');
  }
  return (part) => {
    if (!Number.isInteger(part) || part < 0 || part >= count) {
      throw damaged(chunk, `it has no body ${part}`);
    }
    let properties: unknown;
    try {
      properties = JSON.parse(bytes.toString('utf8', starts[2 * part + 1], starts[2 * part + 2]));
    } catch {
      throw damaged(chunk, `the properties of body ${part} are not JSON`);
    }
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
      throw damaged(chunk, `the properties of body ${part} are not a map`);
    }
    return {
      data: bytes.toString('utf8', starts[2 * part], starts[2 * part + 1]),
      properties: properties as Record<string, string>,
    };
  };
}
