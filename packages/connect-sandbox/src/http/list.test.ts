import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, call } from '../test-app.ts';
import { contentRange } from './list.ts';

describe('contentRange', () => {
  it('follows django-rql for full, empty, count and past-the-end pages', () => {
    expect(contentRange(200, 100, 1234)).toBe('items 200-299/1234');
    expect(contentRange(0, 0, 0)).toBe('items 0-0/0');
    expect(contentRange(300, 0, 250)).toBe('items 300-300/250');
    expect(contentRange(0, 0, 17)).toBe('items 0-0/17');
  });
});

describe('list pagination', () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let total = 0;
  beforeAll(async () => {
    app = await buildTestApp({ seed: 5, scale: 4000 });
    const res = await call(app, 'GET', '/requests?limit=0');
    total = Number(res.headers['content-range']?.toString().split('/')[1]);
  });
  afterAll(() => app.close());

  it('has enough requests to exercise the cap', () => {
    expect(total).toBeGreaterThan(1000);
  });

  it('defaults to 100 items and caps limit at 1000 silently', async () => {
    const byDefault = await call(app, 'GET', '/requests');
    expect(byDefault.json()).toHaveLength(100);
    expect(byDefault.headers['content-range']).toBe(`items 0-99/${total}`);
    const capped = await call(app, 'GET', '/requests?limit=5000');
    expect(capped.statusCode).toBe(200);
    expect(capped.json()).toHaveLength(1000);
    expect(capped.headers['content-range']).toBe(`items 0-999/${total}`);
  });

  it('pages with limit/offset as parameters and inside RQL', async () => {
    const a = await call(app, 'GET', '/requests?limit=10&offset=20');
    const b = await call(app, 'GET', '/requests?eq(limit,10)&eq(offset,20)');
    expect(a.headers['content-range']).toBe(`items 20-29/${total}`);
    expect(b.json()).toEqual(a.json());
    const all = (await call(app, 'GET', '/requests?limit=30')).json();
    expect(a.json()[0].id).toBe(all[20].id);
  });

  it('counts with limit=0 and reports empty and past-the-end pages', async () => {
    const count = await call(app, 'GET', '/requests?limit=0');
    expect(count.json()).toEqual([]);
    expect(count.headers['content-range']).toBe(`items 0-0/${total}`);
    const none = await call(app, 'GET', '/requests?eq(id,PR-NOPE)');
    expect(none.json()).toEqual([]);
    expect(none.headers['content-range']).toBe('items 0-0/0');
    const past = await call(app, 'GET', `/requests?limit=10&offset=${total + 50}`);
    expect(past.json()).toEqual([]);
    expect(past.headers['content-range']).toBe(`items ${total + 50}-${total + 50}/${total}`);
  });

  it('falls back to the default for an invalid limit', async () => {
    const res = await call(app, 'GET', '/requests?limit=abc');
    expect(res.json()).toHaveLength(100);
  });
});
