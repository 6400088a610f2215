import { createConnectClient } from '@junction/connect-client';
import { afterEach, describe, expect, it } from 'vitest';
import { assertConformant } from './conformance.ts';
import { compilePattern, parseFaultRule, SandboxFaults, sandboxFaults } from './faults.ts';
import { SANDBOX_DEMO_TOKEN } from './plugin.ts';
import { createSandboxState } from './seed/create-state.ts';
import { buildTestApp, call, listenTestApp, TEST_PREFIX } from './test-app.ts';

const auth = { authorization: SANDBOX_DEMO_TOKEN };

describe('SandboxFaults rules', () => {
  it('matches path globs: * within a segment, ** across, trailing slash and query ignored', () => {
    expect(compilePattern('/requests/*').test('/requests/PR-1')).toBe(true);
    expect(compilePattern('/requests/*').test('/requests/PR-1/approve')).toBe(false);
    expect(compilePattern('/requests/**').test('/requests/PR-1/approve')).toBe(true);
    const faults = new SandboxFaults([{ path: '/assets', fault: 500 }]);
    expect(faults.decide('GET', '/assets/?limit=1')?.step).toBe(500);
    expect(faults.decide('GET', '/assets/AS-1')).toBeUndefined();
  });

  it('plays a scripted sequence once, or again and again with repeat, per method', () => {
    const faults = new SandboxFaults([
      { path: '/requests', method: 'get', sequence: [503, 503, 'ok', 429] },
      { path: '/assets', sequence: ['drop'], repeat: true },
    ]);
    const steps = Array.from({ length: 6 }, () => faults.decide('GET', '/requests')?.step ?? 'ok');
    expect(steps).toEqual([503, 503, 'ok', 429, 'ok', 'ok']);
    expect(faults.decide('POST', '/requests')).toBeUndefined();
    expect([1, 2, 3].map(() => faults.decide('GET', '/assets')?.step)).toEqual([
      'drop',
      'drop',
      'drop',
    ]);
    expect(faults.list().map((r) => [r.matched, r.injected])).toEqual([
      [6, 3],
      [3, 3],
    ]);
  });

  it('applies rates with a seeded PRNG: same seed, same decisions', () => {
    const run = (seed: number) => {
      const faults = new SandboxFaults({ rules: [{ path: '/**', fault: 500, rate: 0.3 }], seed });
      return Array.from({ length: 200 }, () => (faults.decide('GET', '/x') ? 1 : 0)).join('');
    };
    expect(run(5)).toBe(run(5));
    expect(run(5)).not.toBe(run(6));
    const hits = [...run(5)].filter((c) => c === '1').length;
    expect(hits).toBeGreaterThan(35);
    expect(hits).toBeLessThan(85);
  });

  it('rejects malformed rules with a field-prefixed message', () => {
    expect(() => parseFaultRule({ path: 'requests', fault: 500 })).toThrow(/rule.path/);
    expect(() => parseFaultRule({ path: '/r' })).toThrow(/exactly one/);
    expect(() => parseFaultRule({ path: '/r', fault: 404 })).toThrow(/rule.fault/);
    expect(() => parseFaultRule({ path: '/r', fault: 500, rate: 2 })).toThrow(/rule.rate/);
    expect(() => parseFaultRule({ path: '/r', sequence: [503, 'x'] })).toThrow(/sequence/);
    expect(() => parseFaultRule({ path: '/r', fault: 'latency', latencyMs: -1 })).toThrow(
      /latencyMs/,
    );
  });
});

describe('fault injection in the plugin', () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  async function injectApp(faults: Parameters<SandboxFaults['set']>[0]) {
    const app = await buildTestApp({ state: createSandboxState({ scale: 20 }), faults });
    closers.push(() => app.close());
    return app;
  }

  async function listeningApp(faults: Parameters<SandboxFaults['set']>[0]) {
    // Aborted, held requests keep their sockets busy; don't wait for them on close.
    const { app, baseUrl, log } = await listenTestApp({
      state: createSandboxState({ scale: 20 }),
      faults,
      forceCloseConnections: true,
    });
    closers.push(async () => {
      await app.close();
      assertConformant(log);
    });
    return baseUrl;
  }

  it('answers 429 with Retry-After, 500 and 503 with Connect error bodies, then recovers', async () => {
    const app = await injectApp([
      { path: '/requests', sequence: [429, 500, 503, 'ok'], retryAfter: 2 },
    ]);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await call(app, 'GET', '/requests?limit=1');
      statuses.push(res.statusCode);
      expect(res.headers['content-type']).toBe('application/json');
      if (res.statusCode === 429) {
        expect(res.headers['retry-after']).toBe('2');
        expect(res.json().errors[0]).toMatch(/throttled/);
      }
      if (res.statusCode >= 500) {
        expect(res.json().error_code).toBe('SYS_001');
      }
    }
    expect(statuses).toEqual([429, 500, 503, 200]);
  });

  it('still answers 401 before any fault', async () => {
    const app = await injectApp([{ path: '/**', fault: 503 }]);
    const res = await app.inject({ url: `${TEST_PREFIX}/assets` });
    expect(res.statusCode).toBe(401);
  });

  it('adds latency and truncates JSON bodies', async () => {
    const app = await injectApp([
      { path: '/assets', fault: 'latency', latencyMs: 80 },
      { path: '/products', fault: 'malformed-json' },
    ]);
    const started = performance.now();
    expect((await call(app, 'GET', '/assets?limit=1')).statusCode).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(70);
    const broken = await call(app, 'GET', '/products');
    expect(broken.statusCode).toBe(200);
    expect(broken.headers['content-type']).toBe('application/json');
    expect(() => JSON.parse(broken.body)).toThrow(SyntaxError);
  });

  it('drops the connection (inject and a real socket)', async () => {
    const app = await injectApp([{ path: '/assets', fault: 'drop' }]);
    await expect(app.inject({ url: `${TEST_PREFIX}/assets`, headers: auth })).rejects.toThrow();
    const base = await listeningApp([{ path: '/assets', sequence: ['drop'] }]);
    await expect(fetch(`${base}/assets`, { headers: auth })).rejects.toThrow();
    expect((await fetch(`${base}/assets`, { headers: auth })).status).toBe(200);
  });

  it('holds a response past the client timeout; the client retries and succeeds', async () => {
    const base = await listeningApp([
      { path: '/requests', sequence: ['timeout', 'timeout', 503], holdMs: 5_000 },
    ]);
    const held = fetch(`${base}/requests`, { headers: auth, signal: AbortSignal.timeout(100) });
    await expect(held).rejects.toThrow(/timeout|aborted/i);
    const client = createConnectClient({
      endpoint: base,
      token: SANDBOX_DEMO_TOKEN,
      timeoutMs: 150,
      retry: { maxRetries: 3 },
      sleep: async () => {},
    });
    const started = performance.now();
    expect(await client.collection('requests').first()).toBeDefined();
    expect(performance.now() - started).toBeLessThan(2_000);
    // Closing the app (afterEach) releases the held response at once.
  });

  it('shares the rules with sandboxFaults(state), so they can change at run time', async () => {
    const state = createSandboxState({ scale: 20 });
    const app = await buildTestApp({ state });
    closers.push(() => app.close());
    expect((await call(app, 'GET', '/assets')).statusCode).toBe(200);
    sandboxFaults(state).set([{ path: '/assets', fault: 503 }]);
    expect((await call(app, 'GET', '/assets')).statusCode).toBe(503);
    sandboxFaults(state).clear();
    expect((await call(app, 'GET', '/assets')).statusCode).toBe(200);
  });
});
