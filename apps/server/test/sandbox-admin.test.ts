import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_DEMO_TOKEN } from '@junction/connect-sandbox';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { buildTestApp } from './build-test-app.ts';

const auth = { authorization: SANDBOX_DEMO_TOKEN };
const API = '/sandbox/connect/public/v1';

async function failPendingRequest(app: FastifyInstance): Promise<string> {
  const [pending] = (
    await app.inject({ url: `${API}/requests?status=pending&limit=1`, headers: auth })
  ).json() as { id: string }[];
  expect(pending).toBeDefined();
  const failed = await app.inject({
    method: 'POST',
    url: `${API}/requests/${pending!.id}/fail`,
    headers: auth,
    payload: { reason: 'test' },
  });
  expect(failed.statusCode).toBe(200);
  return pending!.id;
}

async function statusOf(app: FastifyInstance, id: string): Promise<string> {
  return (await app.inject({ url: `${API}/requests/${id}`, headers: auth })).json().status;
}

describe('the built-in sandbox', () => {
  it('can be reset to its seed from the API (the UI’s Reset sandbox)', async () => {
    const app = await buildTestApp();
    const id = await failPendingRequest(app);
    expect(await statusOf(app, id)).toBe('failed');
    const reset = await app.inject({ method: 'POST', url: '/api/sandbox/reset' });
    expect(reset.statusCode).toBe(200);
    expect(await statusOf(app, id)).toBe('pending');
    const admin = await app.inject({ url: '/sandbox/admin/state', headers: auth });
    expect(admin.json().counts.request).toBeGreaterThan(100);
  });

  it('keeps its changes across a restart when asked to (JUNCTION_SANDBOX_PERSIST)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'junction-sandbox-'));
    const first = await buildApp({ dataDir, sandbox: { persist: true } });
    const id = await failPendingRequest(first);
    await first.close();
    const second = await buildApp({ dataDir, sandbox: { persist: true } });
    try {
      expect(await statusOf(second, id)).toBe('failed');
    } finally {
      await second.close();
    }
  }, 60_000);
});
