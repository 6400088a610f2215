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

  it('stores NUL as U+FFFD, as PostgreSQL text and jsonb do, and refuses a lone surrogate', async () => {
    const { chunks } = await packChunks([body(1, 'a\u0000b', { k: 'c\u0000d' })]);
    const read = await openChunk(1, chunks[0]!.body);
    expect(read(0)).toEqual({ data: 'a\uFFFDb', properties: { k: 'c\uFFFDd' } });
    await expect(packChunks([body(7, '{"name":"\ud800"}')])).rejects.toThrow(
      /row 7 holds a lone surrogate/,
    );
  });

  it('cuts a new chunk past its size, each keyed by the seq of its first body', async () => {
    const bodies = Array.from({ length: 10 }, (_, i) => body(100 + i, 'x'.repeat(400)));
    const { chunks, places } = await packChunks(bodies, 1000);
    expect(chunks.map((c) => c.chunk)).toEqual([100, 103, 106, 109]);
    expect(places.slice(0, 4)).toEqual([
      { chunk: 100, part: 0 },
      { chunk: 100, part: 1 },
      { chunk: 100, part: 2 },
      { chunk: 103, part: 0 },
    ]);
    const last = await openChunk(109, chunks[3]!.body);
    expect(last(0).data).toBe('x'.repeat(400));
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
  });
});
