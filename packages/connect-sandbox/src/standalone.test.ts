import { describe, expect, it } from 'vitest';
import { assertConformant, type ConformanceLog, recordConformance } from './conformance.ts';
import { SANDBOX_DEMO_TOKEN } from './plugin.ts';
import { parseStandaloneArgs, startStandalone } from './standalone.ts';

describe('standalone sandbox over a real socket', () => {
  it('parses its flags', () => {
    expect(parseStandaloneArgs(['--', '--port', '0', '--seed', '7', '--scale', '20'])).toEqual({
      port: 0,
      host: '127.0.0.1',
      seed: 7,
      scale: 20,
    });
    expect(() => parseStandaloneArgs(['--port', '-1'])).toThrow();
  });

  it('serves Connect over HTTP on 127.0.0.1:0 to plain fetch', async () => {
    let log: ConformanceLog | undefined;
    const { baseUrl, close } = await startStandalone(
      {
        port: 0,
        host: '127.0.0.1',
        seed: 1,
        scale: 50,
      },
      (app) => {
        log = recordConformance(app, '/public/v1');
      },
    );
    try {
      expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/public\/v1$/);
      const headers = { Authorization: SANDBOX_DEMO_TOKEN };
      const list = await fetch(`${baseUrl}/requests?limit=2&ordering(-created)`, { headers });
      expect(list.status).toBe(200);
      expect(list.headers.get('content-type')).toBe('application/json');
      expect(list.headers.get('content-range')).toMatch(/^items 0-1\/\d+$/);
      const body = (await list.json()) as { id: string }[];
      expect(body).toHaveLength(2);
      const denied = await fetch(`${baseUrl}/requests`);
      expect(denied.status).toBe(401);
      expect(denied.headers.get('content-type')).toBe('application/json');
      const approve = await fetch(`${baseUrl}/requests/PR-0000-0000-0000-001/approve/`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
      });
      expect(approve.status).toBe(404);
      expect(await approve.json()).toEqual({
        error_code: 'NFND_000',
        errors: ['Object `PR-0000-0000-0000-001` not found.'],
      });
      expect(log?.checked).toBeGreaterThan(2);
      assertConformant(log ?? { issues: [], checked: 0 });
    } finally {
      await close();
    }
  });
});
