import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listRequestsProcess } from '@junction/runtime/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { waitForRun } from './run-helpers.ts';

const newKey = () => randomBytes(32).toString('base64');
const UNREADABLE =
  /^The token of connection "Live" \(.+\) cannot be decrypted with this server's secret key \(was JUNCTION_SECRET_KEY changed\?\)\. Enter the token again\.$/;

describe('a connection whose token was sealed under another secret key', () => {
  let dataDir: string;
  let app: FastifyInstance;
  let connectionId: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'junction-key-change-'));
    const before = await buildApp({ dataDir, secretKey: newKey() });
    const created = await before.inject({
      method: 'POST',
      url: '/api/connections',
      payload: { name: 'Live', endpoint: 'http://127.0.0.1:9/public/v1', token: 'ApiKey SU-1:x' },
    });
    connectionId = created.json().id;
    await before.close();
    app = await buildApp({ dataDir, secretKey: newKey() });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a connection test with 409 and asks for the token again', async () => {
    const res = await app.inject({ method: 'POST', url: `/api/connections/${connectionId}/test` });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'token-unreadable' });
    expect(res.json().message).toMatch(UNREADABLE);
  });

  it('answers a browse the same way', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/connections/${connectionId}/browse`,
      payload: { object: 'request' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(UNREADABLE);
  });

  it('fails a run’s connector shape with that message', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: listRequestsProcess('key-change', connectionId), connectionId },
    });
    expect(started.statusCode, started.body).toBe(201);
    const run = await waitForRun(app, started.json().id);
    expect(run.shapes.list).toMatchObject({ documentsInError: 1 });
    const errors = await app.inject({
      url: `/api/runs/${run.id}/shapes/list/documents?direction=error`,
    });
    expect(errors.body).toMatch(/cannot be decrypted with this server's secret key/);
  });

  it('works again once the token is entered again', async () => {
    const updated = await app.inject({
      method: 'PUT',
      url: `/api/connections/${connectionId}`,
      payload: { name: 'Live', endpoint: 'http://127.0.0.1:9/public/v1', token: 'ApiKey SU-1:y' },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    // Nothing listens at that endpoint; what matters is that the token opens again.
    const test = await app.inject({ method: 'POST', url: `/api/connections/${connectionId}/test` });
    expect(test.statusCode).toBe(200);
    expect(test.body).not.toMatch(/cannot be decrypted/);
  });
});
