import { describe, expect, it } from 'vitest';
import { restoreSandboxState } from '../store/state.ts';
import { createSandboxState } from './create-state.ts';

describe('createSandboxState', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = JSON.stringify(createSandboxState({ seed: 9 }).snapshot());
    const b = JSON.stringify(createSandboxState({ seed: 9 }).snapshot());
    const c = JSON.stringify(createSandboxState({ seed: 10 }).snapshot());
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('seeds every family with ids in Connect formats and requests in mixed states', () => {
    const state = createSandboxState();
    expect(state.all('product').length).toBeGreaterThanOrEqual(3);
    expect(state.all('asset').length).toBeGreaterThan(24);
    expect(state.all('request').length).toBeGreaterThan(150);
    const statuses = new Set(state.all('request').map((r) => r['status']));
    expect([...statuses].sort()).toEqual(
      expect.arrayContaining(['approved', 'draft', 'failed', 'inquiring', 'pending']),
    );
    expect(state.all('asset').every((a) => /^AS-\d{4}-\d{4}-\d{4}$/.test(String(a['id'])))).toBe(
      true,
    );
    expect(
      state.all('request').every((r) => /^PR-\d{4}-\d{4}-\d{4}-\d{3}$/.test(String(r['id']))),
    ).toBe(true);
    expect(
      state
        .all('tier-config-request')
        .every((r) => /^TCR-\d{3}-\d{3}-\d{3}-\d{3}$/.test(String(r['id']))),
    ).toBe(true);
    for (const name of [
      'tier-account',
      'tier-account-request',
      'tier-config',
      'usage-report',
      'usage-record',
      'usage-chunk',
      'usage-reconciliation',
      'case',
      'subscription-request',
    ] as const) {
      expect(state.all(name).length, name).toBeGreaterThan(0);
    }
  });

  it('has something for every action on a fresh default sandbox', () => {
    const state = createSandboxState();
    const requests = state.all('request');
    expect(requests.length).toBeGreaterThan(250);
    const pendingTypes = new Set(
      requests.filter((r) => r['status'] === 'pending').map((r) => r['type']),
    );
    for (const type of ['purchase', 'change', 'suspend', 'resume', 'cancel']) {
      expect(pendingTypes.has(type), type).toBe(true);
    }
    const statuses = (collection: Parameters<typeof state.all>[0], field = 'status') =>
      new Set(state.all(collection).map((obj) => obj[field]));
    expect([...statuses('tier-config-request')]).toEqual(
      expect.arrayContaining(['draft', 'pending', 'inquiring', 'approved']),
    );
    expect([...statuses('tier-account-request')]).toEqual(expect.arrayContaining(['pending']));
    expect([...statuses('usage-report')]).toEqual(
      expect.arrayContaining(['draft', 'invalid', 'ready', 'pending', 'accepted', 'closed']),
    );
    expect([...statuses('case', 'state')]).toEqual(
      expect.arrayContaining(['pending', 'inquiring', 'resolved', 'closed']),
    );
  });

  it('seeds 100,000 objects in a few seconds', () => {
    const started = performance.now();
    const state = createSandboxState({ seed: 2, scale: 100_000 });
    const elapsed = performance.now() - started;
    const total = (['asset', 'request', 'tier-account', 'usage-record', 'case'] as const).reduce(
      (n, c) => n + state.all(c).length,
      0,
    );
    expect(total).toBeGreaterThan(50_000);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('round-trips through a JSON snapshot and reports changes', () => {
    const state = createSandboxState({ seed: 4, scale: 50 });
    const changes: string[] = [];
    const off = state.onChange((change) =>
      changes.push(
        change.kind === 'reset' ? 'reset' : `${change.kind}:${change.collection}:${change.id}`,
      ),
    );
    const asset = state.all('asset')[0] ?? {};
    state.put('asset', { ...asset, status: 'suspended' });
    off();
    state.put('asset', { ...asset, status: 'active' });
    expect(changes).toEqual([`update:asset:${String(asset['id'])}`]);
    const restored = restoreSandboxState(JSON.parse(JSON.stringify(state.snapshot())));
    expect(restored.snapshot()).toEqual(state.snapshot());
    expect(() => restoreSandboxState({ nope: true })).toThrow(TypeError);
  });

  it('replaces its content in place and reports a reset', () => {
    const state = createSandboxState({ seed: 4, scale: 50 });
    const other = createSandboxState({ seed: 5, scale: 80 });
    const kinds: string[] = [];
    state.onChange((change) => kinds.push(change.kind));
    state.replace(other.snapshot());
    expect(kinds).toEqual(['reset']);
    expect(state.seed).toBe(5);
    expect(state.scale).toBe(80);
    expect(state.snapshot()).toEqual(other.snapshot());
    const asset = other.all('asset')[0] ?? {};
    other.put('asset', { ...asset, status: 'changed' });
    expect(state.get('asset', String(asset['id']))?.['status']).not.toBe('changed');
  });
});
