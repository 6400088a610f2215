import { describe, expect, it } from 'vitest';
import { recordBatches, recordsOf, transferableBuffer } from './record-pages.ts';
import { ConnectorCallError } from './types.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

async function* arriving(...pages: Array<Uint8Array | undefined>) {
  for (const page of pages) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    yield page;
  }
}

describe('recordsOf', () => {
  it('reads records exactly, whatever characters they hold', async () => {
    const odd = [
      {
        id: 'PR-1',
        text: 'línea "quoted" \\ back\nslash\ttab',
        emoji: '🎉 𝄞',
        sep: '\u2028\u2029',
      },
      { id: 'PR-2', nested: { deep: [1, -2.5e-7, null, true] }, ['__proto__']: { polluted: 1 } },
      { id: 'PR-3', nul: '\u0000', lone: 'a\uD800b' },
    ];
    const pages = [
      bytes(JSON.stringify(odd.slice(0, 2))),
      bytes(`\uFEFF ${JSON.stringify(odd.slice(2))} \n`),
    ];
    const records = await recordsOf({ pages });
    expect(records).toEqual(JSON.parse(JSON.stringify(odd)));
    expect(Object.getPrototypeOf(records[1])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads a record of several megabytes', async () => {
    const big = { id: 'PR-BIG', blob: 'x'.repeat(8_000_000), after: 'é' };
    const [record] = await recordsOf({ pages: [bytes(JSON.stringify([big]))] });
    expect(record).toEqual(big);
  });

  it('fails on a page that is not JSON, naming the page', async () => {
    const pages = arriving(bytes('[{"id":1}]'), bytes('[{"id":2},'));
    const error = await recordsOf({ pages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorCallError);
    expect((error as ConnectorCallError).kind).toBe('failure');
    expect((error as Error).message).toMatch(/^Page 2 of the list is not valid JSON: /);
  });

  it('fails on a page that is JSON but not an array', async () => {
    await expect(recordsOf({ pages: [bytes('{"error":"nope"}')] })).rejects.toThrow(
      'Page 1 of the list is JSON object, not an array of records.',
    );
    await expect(recordsOf({ pages: [bytes('null')] })).rejects.toThrow('JSON null');
  });

  it('says plainly when a gateway answers with neither records nor pages', async () => {
    const wrong = { documents: [{ id: 'PR-1' }] } as never;
    await expect(recordsOf(wrong)).rejects.toThrow(
      'The connector gateway answered with neither records nor pages.',
    );
  });

  it('skips empty answers and stops at maxRecords, across pages', async () => {
    const pages = arriving(bytes('[1,2]'), undefined, bytes('[3,4,5]'), bytes('[6]'));
    expect(await recordsOf({ pages, maxRecords: 4 })).toEqual([1, 2, 3, 4]);
    expect(await recordsOf([7, 8])).toEqual([7, 8]);
  });

  it('stops reading pages once it has maxRecords records', async () => {
    let asked = 0;
    let stopped = false;
    async function* endless() {
      try {
        for (;;) {
          asked += 1;
          yield bytes('[1,2,3]');
        }
      } finally {
        stopped = true;
      }
    }
    const batches: unknown[][] = [];
    for await (const batch of recordBatches({ pages: endless(), maxRecords: 5 })) {
      batches.push(batch);
    }
    expect(batches).toEqual([
      [1, 2, 3],
      [1, 2],
    ]);
    expect(asked).toBe(2);
    expect(stopped).toBe(true);
  });
});

describe('transferableBuffer', () => {
  it('transfers only a buffer the page fills whole', () => {
    const own = new Uint8Array(8);
    expect(transferableBuffer(own)).toEqual([own.buffer]);
    expect(transferableBuffer(new Uint8Array(own.buffer, 2, 4))).toEqual([]);
    expect(transferableBuffer(Buffer.from('small, from the pool'))).toEqual([]);
    expect(transferableBuffer(undefined)).toEqual([]);
  });
});
