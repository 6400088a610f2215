import { describe, expect, it } from 'vitest';
import {
  clampPageSize,
  isEmptyJsonArray,
  type Page,
  paginate,
  paginateRaw,
  parseContentRange,
  type RawPage,
} from './pagination.ts';
import { jsonResponse, scriptedFetch, testClient } from './test-helpers.ts';

/** A fake list of `total` numbers served the way django-rql pages them. */
function fakeList(total: number, options: { header?: boolean } = {}) {
  const requests: Array<[number, number]> = [];
  const fetchPage = async (limit: number, offset: number): Promise<Page<number>> => {
    requests.push([limit, offset]);
    const items = Array.from(
      { length: Math.max(0, Math.min(limit, total - offset)) },
      (_, i) => offset + i,
    );
    const last = items.length > 0 ? offset + items.length - 1 : offset;
    return {
      items,
      contentRange: options.header === false ? undefined : { first: offset, last, total },
    };
  };
  return { fetchPage, requests };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) {
    out.push(item);
  }
  return out;
}

describe('parseContentRange', () => {
  it('parses the django-rql header and rejects garbage', () => {
    expect(parseContentRange('items 200-299/1234')).toEqual({ first: 200, last: 299, total: 1234 });
    expect(parseContentRange('items 0-0/0')).toEqual({ first: 0, last: 0, total: 0 });
    expect(parseContentRange(null)).toBeUndefined();
    expect(parseContentRange('bytes 0-1/2')).toBeUndefined();
  });
});

describe('clampPageSize', () => {
  it('defaults to 100 and clamps into 1…1000', () => {
    expect(clampPageSize(undefined)).toBe(100);
    expect(clampPageSize(5000)).toBe(1000);
    expect(clampPageSize(0)).toBe(1);
    expect(clampPageSize(Number.NaN)).toBe(100);
  });
});

describe('paginate', () => {
  it('walks every page with limit/offset and stops at the total', async () => {
    const { fetchPage, requests } = fakeList(250);
    const items = await collect(paginate(fetchPage, { pageSize: 100 }));
    expect(items).toHaveLength(250);
    expect(items.at(-1)).toBe(249);
    expect(requests).toEqual([
      [100, 0],
      [100, 100],
      [100, 200],
    ]);
  });

  it('makes a single request for an empty collection', async () => {
    const { fetchPage, requests } = fakeList(0);
    expect(await collect(paginate(fetchPage))).toEqual([]);
    expect(requests).toEqual([[100, 0]]);
  });

  it('stops on an exact multiple of the page size without an extra request', async () => {
    const { fetchPage, requests } = fakeList(200);
    expect(await collect(paginate(fetchPage, { pageSize: 100 }))).toHaveLength(200);
    expect(requests).toHaveLength(2);
  });

  it('handles an offset past the end', async () => {
    const { fetchPage } = fakeList(250);
    expect(await collect(paginate(fetchPage, { offset: 300 }))).toEqual([]);
  });

  it('reads only one page when Content-Range is missing', async () => {
    const { fetchPage, requests } = fakeList(250, { header: false });
    expect(await collect(paginate(fetchPage, { pageSize: 100 }))).toHaveLength(100);
    expect(requests).toHaveLength(1);
  });

  it('honours maxRecords and asks only for what is still needed', async () => {
    const { fetchPage, requests } = fakeList(1000);
    expect(await collect(paginate(fetchPage, { pageSize: 100, maxRecords: 150 }))).toHaveLength(
      150,
    );
    expect(requests).toEqual([
      [100, 0],
      [50, 100],
    ]);
  });
});

describe('paginateRaw', () => {
  /** `fakeList`'s pages as the bytes and header a server sends; `lie` overrides the header. */
  function rawList(total: number, lie?: string) {
    const { fetchPage, requests } = fakeList(total);
    const fetchRaw = async (limit: number, offset: number): Promise<RawPage> => {
      const page = await fetchPage(limit, offset);
      return {
        bytes: new TextEncoder().encode(JSON.stringify(page.items)),
        contentRange: lie === undefined ? page.contentRange : parseContentRange(lie),
      };
    };
    return { fetchRaw, requests };
  }
  const items = async (pages: AsyncIterable<RawPage>) => {
    const all: unknown[] = [];
    for await (const page of pages) {
      all.push(...(JSON.parse(new TextDecoder().decode(page.bytes)) as unknown[]));
    }
    return all;
  };

  it('walks the pages paginate walks, counting items by Content-Range', async () => {
    for (const [total, options] of [
      [250, { pageSize: 100 }],
      [200, { pageSize: 100 }],
      [0, {}],
      [1000, { pageSize: 100, maxRecords: 150 }],
    ] as const) {
      const parsed = fakeList(total);
      const raw = rawList(total);
      expect(await items(paginateRaw(raw.fetchRaw, options))).toEqual(
        await collect(paginate(parsed.fetchPage, options)),
      );
      expect(raw.requests).toEqual(parsed.requests);
    }
  });

  it('stops on an empty page whatever its header claims', async () => {
    const { fetchRaw, requests } = rawList(0, 'items 0-0/1000000');
    expect(await items(paginateRaw(fetchRaw, { pageSize: 10 }))).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it('reads only one page when Content-Range is missing or names no items', async () => {
    for (const header of ['', 'items 5-4/100']) {
      const { fetchRaw, requests } = rawList(250, header);
      expect(await items(paginateRaw(fetchRaw, { pageSize: 100 }))).toHaveLength(100);
      expect(requests).toHaveLength(1);
    }
  });
});

describe('isEmptyJsonArray', () => {
  it('tells [] from anything else without parsing', () => {
    const is = (text: string) => isEmptyJsonArray(new TextEncoder().encode(text));
    expect(is('[]')).toBe(true);
    expect(is(' \n[ \t]\r\n')).toBe(true);
    expect(is('[0]')).toBe(false);
    expect(is('[]]')).toBe(false);
    expect(is('{}')).toBe(false);
    expect(is('')).toBe(false);
  });
});

describe('ConnectCollection over fetch', () => {
  function listServer(total: number) {
    return scriptedFetch((call) => {
      const url = new URL(call.url);
      const limit = Number(url.searchParams.get('limit'));
      const offset = Number(url.searchParams.get('offset'));
      const items = Array.from(
        { length: Math.max(0, Math.min(limit, total - offset)) },
        (_, i) => ({
          id: `PR-${offset + i}`,
        }),
      );
      const last = items.length > 0 ? offset + items.length - 1 : offset;
      return jsonResponse(items, 200, { 'Content-Range': `items ${offset}-${last}/${total}` });
    });
  }

  it('builds the Python client query shape', () => {
    const { fetch } = listServer(0);
    const { client } = testClient(fetch);
    const query = client
      .collection('resources')
      .select('obj1', '-obj2')
      .filter('and(eq(field,value),in(field2,(a,b)))')
      .order('field1', '-field2')
      .search('acme corp')
      .queryString(100, 0);
    expect(query).toBe(
      'select(obj1,-obj2)&and(eq(field,value),in(field2,(a,b)))&ordering(field1,-field2)&limit=100&offset=0&search=acme%20corp',
    );
  });

  it('is immutable: refining returns a new collection', () => {
    const { fetch } = listServer(0);
    const { client } = testClient(fetch);
    const base = client.collection('requests');
    base.filter('eq(status,pending)');
    expect(base.queryString(10, 0)).toBe('limit=10&offset=0');
  });

  it('iterates all pages with for await and counts with limit=0', async () => {
    const { fetch, calls } = listServer(7);
    const { client } = testClient(fetch, { pageSize: 3 });
    const ids: string[] = [];
    for await (const item of client.ns('tier').collection<{ id: string }>('config-requests')) {
      ids.push(item.id);
    }
    expect(ids).toEqual(['PR-0', 'PR-1', 'PR-2', 'PR-3', 'PR-4', 'PR-5', 'PR-6']);
    expect(calls.map((c) => new URL(c.url).pathname + new URL(c.url).search)).toEqual([
      '/public/v1/tier/config-requests?limit=3&offset=0',
      '/public/v1/tier/config-requests?limit=3&offset=3',
      '/public/v1/tier/config-requests?limit=3&offset=6',
    ]);
    expect(await client.collection('tier/config-requests').count()).toBe(7);
    expect(calls.at(-1)?.url).toContain('limit=0&offset=0');
  });

  it('hands over each page as bytes of its own, unparsed', async () => {
    const { fetch, calls } = listServer(7);
    const { client } = testClient(fetch, { pageSize: 3 });
    const pages: RawPage[] = [];
    for await (const page of client.collection('requests').pages({ maxRecords: 5 })) {
      pages.push(page);
    }
    expect(calls.map((c) => new URL(c.url).search)).toEqual([
      '?limit=3&offset=0',
      '?limit=2&offset=3',
    ]);
    const decoded = pages.map((p) => JSON.parse(new TextDecoder().decode(p.bytes)));
    expect(decoded).toEqual([
      [{ id: 'PR-0' }, { id: 'PR-1' }, { id: 'PR-2' }],
      [{ id: 'PR-3' }, { id: 'PR-4' }],
    ]);
    for (const { bytes } of pages) {
      expect(bytes?.byteOffset).toBe(0);
      expect(bytes?.byteLength).toBe(bytes?.buffer.byteLength);
    }
  });

  it('joins a page sent in several chunks, and hands over a one-chunk page as it came', async () => {
    const encoder = new TextEncoder();
    const oneChunk = encoder.encode('[{"id":"PR-0"},{"id":"PR-1"}]');
    const parts = ['[{"id":"PR', '-2"}', ']'].map((p) => encoder.encode(p));
    const answers = [[oneChunk], parts];
    const { fetch } = scriptedFetch((_call, index) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of answers[index] ?? []) {
            controller.enqueue(chunk);
          }
          controller.close();
        },
      });
      const range = index === 0 ? 'items 0-1/3' : 'items 2-2/3';
      return new Response(body, {
        headers: { 'Content-Type': 'application/json', 'Content-Range': range },
      });
    });
    const { client } = testClient(fetch, { pageSize: 2 });
    const pages: RawPage[] = [];
    for await (const page of client.collection('requests').pages()) {
      pages.push(page);
    }
    expect(pages).toHaveLength(2);
    expect(pages[0]?.bytes).toBe(oneChunk);
    expect(new TextDecoder().decode(pages[1]?.bytes)).toBe('[{"id":"PR-2"}]');
  });

  it('stops at an empty page whose range lies, even when the caller transferred its bytes away', async () => {
    const { fetch, calls } = scriptedFetch(
      (call) =>
        new Response(new TextEncoder().encode('[]'), {
          headers: {
            'Content-Type': 'application/json',
            'Content-Range': `items ${new URL(call.url).searchParams.get('offset')}-0/1000`,
          },
        }),
    );
    const { client } = testClient(fetch, { pageSize: 10 });
    for await (const page of client.collection('requests').pages()) {
      // As the engine's host does: the page's buffer moves to another thread.
      const buffer = page.bytes?.buffer as ArrayBuffer;
      structuredClone(buffer, { transfer: [buffer] });
      expect(page.bytes?.byteLength).toBe(0);
    }
    expect(calls).toHaveLength(1);
  });

  it('returns the first item or undefined', async () => {
    const { fetch } = listServer(5);
    const { client } = testClient(fetch);
    expect(await client.collection('requests').first()).toEqual({ id: 'PR-0' });
    const empty = listServer(0);
    expect(await testClient(empty.fetch).client.collection('requests').first()).toBeUndefined();
  });

  it('navigates resources, actions and nested collections', async () => {
    const { fetch, calls } = scriptedFetch(() => jsonResponse([], 200));
    const { client } = testClient(fetch);
    const product = client.collection('products').resource('PRD 1/x');
    await product.collection('items').all();
    await product.action('endsale').post({ replacement: { id: 'PRD-2' } });
    await product.delete();
    expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).toEqual([
      'GET /public/v1/products/PRD%201%2Fx/items',
      'POST /public/v1/products/PRD%201%2Fx/endsale',
      'DELETE /public/v1/products/PRD%201%2Fx',
    ]);
  });
});
