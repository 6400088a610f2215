import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCopyBinary } from './copy-binary.ts';
import type { Database } from './database.ts';
import { openPgliteDatabase } from './pglite-database.ts';

// The encoder is checked by what PostgreSQL reads back from it: embedded PGlite is the
// database that takes a binary COPY from JavaScript.
describe('binary COPY rows, as embedded PGlite reads them back', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPgliteDatabase(undefined);
    await db.query('CREATE TABLE t (name text, n integer, doc jsonb, note text)');
  });
  afterAll(() => db.close());

  const copy = async (rows: (string | number | null)[][]) => {
    await db.query('TRUNCATE t');
    await db.copyBinary!(
      't (name, n, doc, note)',
      encodeCopyBinary(['text', 'int4', 'jsonb', 'text'], rows),
    );
    return db.query<{ name: string | null; n: number | null; doc: unknown; note: string | null }>(
      'SELECT name, n, doc, note FROM t ORDER BY n',
    );
  };

  it('reads back text, integers, JSON and NULL exactly, whatever characters they hold', async () => {
    const awkward = [
      'tab\there, newline\nthere, return\r, backslash \\ and \\N',
      '"quoted" \'single\' ,comma; semicolon',
      'ünïcödé, 日本語, emoji 🚀👍🏽, zero width \u200b, BOM \ufeff',
      '{"json":"as text","escaped":"\\"\\u00e9\\n"}',
      '<?xml version="1.0"?><a b="c">&amp;</a>',
      '',
    ];
    const rows = awkward.map((text, i) => [text, i - 2, JSON.stringify({ text, i }), null]);
    const read = await copy(rows);
    expect(read).toEqual(
      awkward.map((text, i) => ({ name: text, n: i - 2, doc: { text, i }, note: null })),
    );
  });

  it('stores NUL as U+FFFD, in text and escaped in JSON, and keeps an escaped backslash before u0000', async () => {
    const read = await copy([
      ['a\u0000b', 1, JSON.stringify({ v: 'c\u0000d', literal: '\\u0000' }), '\u0000'],
    ]);
    expect(read).toEqual([
      { name: 'a\uFFFDb', n: 1, doc: { v: 'c\uFFFDd', literal: '\\u0000' }, note: '\uFFFD' },
    ]);
  });

  it('reads back a value of megabytes and thousands of rows', async () => {
    const big = `${'x'.repeat(3 * 1024 * 1024 - 1)}é`;
    const rows = Array.from({ length: 5000 }, (_, i) => [
      `row ${i}`,
      i,
      '[]',
      i === 0 ? big : null,
    ]);
    const read = await copy(rows);
    expect(read).toHaveLength(5000);
    expect(read[0]!.note).toBe(big);
    expect(read[4999]).toEqual({ name: 'row 4999', n: 4999, doc: [], note: null });
  });

  it('reads back bytes exactly, every byte value and an empty value among them', async () => {
    await db.query('CREATE TABLE IF NOT EXISTS b (n integer, bytes bytea)');
    const every = Uint8Array.from({ length: 256 }, (_, i) => i);
    await db.copyBinary!(
      'b (n, bytes)',
      encodeCopyBinary(
        ['int4', 'bytea'],
        [
          [1, every],
          [2, new Uint8Array(0)],
          [3, null],
        ],
      ),
    );
    const read = await db.query<{ n: number; bytes: Uint8Array | null }>(
      'SELECT n, bytes FROM b ORDER BY n',
    );
    expect(read.map((r) => [r.n, r.bytes === null ? null : [...r.bytes]])).toEqual([
      [1, [...every]],
      [2, []],
      [3, null],
    ]);
  });

  it('refuses a lone surrogate, which UTF-8 cannot carry, rather than changing it', () => {
    expect(() => encodeCopyBinary(['text'], [['ok'], ['\ud800 alone']])).toThrow(
      /Column 1 of a COPY row holds a lone surrogate/,
    );
    expect(() => encodeCopyBinary(['text', 'text'], [['one']])).toThrow(
      'A COPY row has 1 values for 2 columns.',
    );
  });
});
