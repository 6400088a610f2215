import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';

const fixtures = new URL(
  '../../../packages/process-model/src/import/boomi/fixtures/',
  import.meta.url,
);
const fixture = (name: string) => readFileSync(new URL(`${name}.xml`, fixtures), 'utf8');

describe(`Boomi process import (${storageUnderTest()})`, () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    app = await buildTestApp();
  });

  function preview(payload: string, contentType = 'application/xml') {
    return app.inject({
      method: 'POST',
      url: '/api/processes/import/boomi',
      headers: { 'content-type': contentType },
      payload,
    });
  }

  it('previews a Boomi export without storing it, then creates the process from the preview', async () => {
    const before = (await app.inject({ url: '/api/processes' })).json().total;
    const res = await preview(fixture('logic-process'), 'text/xml; charset=utf-8');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.document.name).toBe('Route invoices');
    expect(body.mapped).toHaveLength(10);
    expect(body.omitted).toEqual([]);
    expect(body.issues).toEqual([]);
    expect((await app.inject({ url: '/api/processes' })).json().total).toBe(before);

    const created = await app.inject({
      method: 'POST',
      url: '/api/processes/import',
      payload: body.document,
    });
    expect(created.statusCode).toBe(201);
    const stored = await app.inject({ url: `/api/processes/${created.json().id}` });
    expect(stored.json().document.connections).toEqual(body.document.connections);
  });

  it('lists what was left out and the validation issues', async () => {
    const res = await preview(fixture('connect-bundle'));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.document.shapes.shape2.config).toMatchObject({
      action: 'approve',
      object: 'request',
    });
    expect(body.omitted.map((o: { boomiName: string }) => o.boomiName)).toContain('shape3');
    expect(body.issues.map((i: { code: string }) => i.code)).toContain(
      'connector.connection-missing',
    );
  });

  it('answers malformed XML with 400 naming the line and column', async () => {
    const res = await preview('<bns:Component>\n  <shapes></bns:Component>');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid-boomi-xml' });
    expect(res.json().message).toContain('line 2');
  });

  it('refuses an external entity with 400 and reads nothing', async () => {
    const res = await preview(
      '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><c>&x;</c>',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('DOCTYPE');
    expect(res.body).not.toContain('root:');
  });

  it('refuses a prototype-member element with 400 and pollutes nothing', async () => {
    const res = await preview('<a><__proto__ polluted="yes"/></a>');
    expect(res.statusCode).toBe(400);
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });

  it('refuses an export over the size limit with 400, not 500', async () => {
    const huge = fixture('simple-process').replace(
      '<bns:description>',
      `<bns:description>${'x'.repeat(2_100_000)}`,
    );
    const res = await preview(huge);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('larger than');
  });

  it('refuses deep nesting with 400 and the line', async () => {
    const res = await preview(`${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('nested deeper than 64. (line 1, column 193)');
  });

  it('does not accept XML on the JSON import', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/processes/import',
      headers: { 'content-type': 'application/xml' },
      payload: fixture('simple-process'),
    });
    expect(res.statusCode).toBe(415);
  });
});
