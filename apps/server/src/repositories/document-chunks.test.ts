import { zstdCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openChunk, packChunks } from './document-chunks.ts';

const body = (seq: number, data: string, properties: Record<string, string> = {}) => ({
  seq,
  data,
  properties,
});

describe('document bodies packed into compressed chunks', () => {
  it('reads back every body exactly, whatever characters it holds', async () => {
    const awkward = [
      '{"quote":"\\"","backslash":"\\\\","unicode":"\\u00e9\\u2028","emoji":"🚀"}',
      'plain text, not JSON: tab\there\nnewline\r\nCRLF',
      '<?xml version="1.0"?><order>caf\u00e9 &amp; \u65e5\u672c</order>',
      '',
    ];
    const bodies = awkward.map((data, i) =>
      body(i + 1, data, { index: String(i), 'odd name \t"\\': 'ü\n', empty: '' }),
    );
    const { chunks, places } = await packChunks(bodies);
    expect(chunks).toHaveLength(1);
    const read = await openChunk(chunks[0]!.chunk, chunks[0]!.body);
    expect(places.map((p) => read(p.part))).toEqual(
      bodies.map(({ data, properties }) => ({ data, properties })),
    );
  });

  it('reads back long bodies of multi-byte text beside short ones', async () => {
    // Past 64 KB a text is measured before framing; shorter ones get worst-case room.
    const bodies = [
      body(1, `{"blob":"${'ü'.repeat(70_000)}🚀"}`),
      body(2, '日本'.repeat(10), { k: '𝄞'.repeat(40_000) }),
      body(3, 'x'),
    ];
    const { chunks, places } = await packChunks(bodies);
    const read = await openChunk(chunks[0]!.chunk, chunks[0]!.body);
    expect(places.map((p) => read(p.part))).toEqual(
      bodies.map(({ data, properties }) => ({ data, properties })),
    );
  });

  it('stores NUL as U+FFFD, as PostgreSQL text and jsonb do, and refuses a lone surrogate', async () => {
    const { chunks } = await packChunks([body(1, 'a\u0000b', { k: 'c\u0000d' })]);
    const read = await openChunk(1, chunks[0]!.body);
    expect(read(0)).toEqual({ data: 'a\uFFFDb', properties: { k: 'c\uFFFDd' } });
    await expect(packChunks([body(7, '{"name":"\ud800"}')])).rejects.toThrow(
      /row 7 holds a lone surrogate/,
    );
  });

  it('cuts a new chunk past its size, each keyed by the seq of its first body', async () => {
    // 202 characters a body (its data and `{}`): five reach the 1,000 of a chunk.
    const bodies = Array.from({ length: 12 }, (_, i) => body(100 + i, 'x'.repeat(200)));
    const { chunks, places } = await packChunks(bodies, 1000);
    expect(chunks.map((c) => c.chunk)).toEqual([100, 105, 110]);
    expect(places.slice(4, 6)).toEqual([
      { chunk: 100, part: 4 },
      { chunk: 105, part: 0 },
    ]);
    const last = await openChunk(110, chunks[2]!.body);
    expect(last(1).data).toBe('x'.repeat(200));
  });

  it('gives a large body a chunk of its own, so reading a neighbour never decompresses it', async () => {
    const bodies = [body(1, 'a'), body(2, 'b'.repeat(300)), body(3, 'c'), body(4, 'd')];
    const { chunks, places } = await packChunks(bodies, 1000);
    expect(places).toEqual([
      { chunk: 1, part: 0 },
      { chunk: 2, part: 0 },
      { chunk: 3, part: 0 },
      { chunk: 3, part: 1 },
    ]);
    expect(chunks.map((c) => c.chunk)).toEqual([1, 2, 3]);
  });

  it('refuses a lone surrogate in a property name or value, as jsonb does', async () => {
    await expect(packChunks([body(8, '{}', { k: 'half \ud83d' })])).rejects.toThrow(/row 8/);
    await expect(packChunks([body(9, '{}', { 'half \ud83d': 'v' })])).rejects.toThrow(/row 9/);
  });

  it('compresses records of one list together far below their size', async () => {
    const records = Array.from({ length: 500 }, (_, i) =>
      body(
        i,
        JSON.stringify({
          id: `PR-${1000 + i}`,
          status: i % 3 === 0 ? 'approved' : 'pending',
          asset: { product: { id: 'PRD-276-377-545', name: 'Cloud Storage' }, quantity: i },
          contact: { email: `buyer${i}@example.com`, country: 'ES' },
        }),
      ),
    );
    const raw = records.reduce((n, r) => n + Buffer.byteLength(r.data), 0);
    const { chunks } = await packChunks(records);
    const stored = chunks.reduce((n, c) => n + c.body.length, 0);
    expect(stored).toBeLessThan(raw / 5);
  });

  it('tells a damaged chunk apart from a body, instead of reading garbage', async () => {
    await expect(openChunk(3, Buffer.from('not zstd'))).rejects.toThrow(
      /chunk 3 .* damaged: it does not decompress/,
    );
    // Well compressed, but its header claims more bodies than it holds.
    const lying = Buffer.alloc(8);
    lying.writeUInt32BE(1000, 0);
    await expect(openChunk(4, zstdCompressSync(lying))).rejects.toThrow(/header is cut short/);
    const { chunks } = await packChunks([body(5, 'only one')]);
    const read = await openChunk(5, chunks[0]!.body);
    expect(() => read(1)).toThrow(/has no body 1/);
    // One byte changed on disk: the checksum notices, rather than reading other text.
    const flipped = Buffer.from(chunks[0]!.body);
    flipped[flipped.length - 6]! ^= 0x20;
    await expect(openChunk(5, flipped)).rejects.toThrow(/does not decompress/);
    // Lengths that claim more or fewer bytes than follow.
    const short = Buffer.alloc(12);
    short.writeUInt32BE(1, 0);
    short.writeUInt32BE(2, 4);
    short.writeUInt32BE(2, 8);
    await expect(openChunk(6, zstdCompressSync(short))).rejects.toThrow(/lengths do not add up/);
    // Properties that are not a JSON map.
    for (const [props, why] of [
      ['nope', /not JSON/],
      ['null', /not a map/],
    ] as const) {
      const framed = Buffer.alloc(12 + props.length);
      framed.writeUInt32BE(1, 0);
      framed.writeUInt32BE(0, 4);
      framed.writeUInt32BE(props.length, 8);
      framed.write(props, 12);
      const bad = await openChunk(7, zstdCompressSync(framed));
      expect(() => bad(0)).toThrow(why);
    }
  });
});
