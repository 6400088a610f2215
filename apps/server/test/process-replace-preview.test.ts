import { addShape, createProcess, serializeProcess } from '@junction/process-model';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { bearer, call, P } from './platform-fixtures.ts';

describe(`Replacing a process with a file: the preview (${storageUnderTest()})`, () => {
  let app: FastifyInstance;
  let betaToken: string;

  beforeAll(async () => {
    app = await buildTestApp();
    const provisioned = await call(app, 'POST', `${P}/execute/provision-account`, {
      payload: { name: 'Replace beta', id: 'replace-beta' },
    });
    expect(provisioned.statusCode, provisioned.body).toBe(200);
    const token = await call(app, 'POST', `${P}/Token?overrideAccount=replace-beta`, {
      payload: { name: 'beta admin', role: 'admin' },
    });
    betaToken = token.json().token;
  });

  async function stored(name: string) {
    const res = await app.inject({ method: 'POST', url: '/api/processes', payload: { name } });
    return res.json() as { id: string; revision: number };
  }

  const preview = (id: string, payload: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: `/api/processes/${id}/replace-preview`,
      headers: { 'content-type': 'application/json', ...headers },
      payload,
    });

  it('returns the file under the stored id beside the latest revision, and stores nothing', async () => {
    const { id } = await stored('Invoices');
    // A file exported from another process: its content, this process's identity.
    const file = addShape(createProcess({ id: 'elsewhere', name: 'Invoices v2' }), {
      id: 'stop',
      kind: 'stop',
      position: { x: 300, y: 160 },
    });
    const res = await preview(id, serializeProcess(file));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.fileId).toBe('elsewhere');
    expect(body.document).toMatchObject({ id, name: 'Invoices v2' });
    expect(Object.keys(body.document.shapes)).toEqual(['start', 'stop']);
    expect(body.current).toMatchObject({ revision: 1, document: { id, name: 'Invoices' } });
    const after = await app.inject({ url: `/api/processes/${id}` });
    expect(after.json()).toMatchObject({ revision: 1, document: { name: 'Invoices' } });
  });

  it('answers bad JSON with 400 naming the line and column', async () => {
    const { id } = await stored('Bad JSON');
    const res = await preview(id, '{\n  "schemaVersion": 1,\n  "name": }');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid-json' });
    expect(res.json().issues[0].message).toMatch(/line 3/);
  });

  it('answers a file that is not a process with 400 and the issues by pointer', async () => {
    const { id } = await stored('Not a process');
    const res = await preview(id, JSON.stringify({ hello: 'world' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'invalid-process',
      message: 'The file is not a Junction process.',
    });
    expect(res.json().issues.length).toBeGreaterThan(0);
  });

  it('finds a shape id written twice, which the parsed value would hide', async () => {
    const { id } = await stored('Twice');
    const text = serializeProcess(createProcess({ id: 'x', name: 'Twice' })).replace(
      '"shapes": {',
      '"shapes": {\n    "start": { "kind": "stop", "label": "", "config": {} },',
    );
    const res = await preview(id, text);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().issues)).toContain('/shapes/start');
  });

  it('does not show or reach a process of another account', async () => {
    const { id } = await stored('Alpha only');
    const res = await preview(id, serializeProcess(createProcess({ id, name: 'Taken over' })), {
      ...bearer(betaToken),
    });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Alpha only');
  });
});
