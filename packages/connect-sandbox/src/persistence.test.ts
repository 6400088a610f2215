import { describe, expect, it, vi } from 'vitest';
import { attachSandboxPersistence, type SandboxPersistence } from './persistence.ts';
import { createSandboxState } from './seed/create-state.ts';
import type { SandboxSnapshot } from './store/state.ts';
import { admin, buildTestApp, call } from './test-app.ts';

/** What the host's database table would do, in memory: one JSON text. */
class FakeStore implements SandboxPersistence {
  text: string | undefined;
  saves = 0;
  failNext = false;
  async load(): Promise<SandboxSnapshot | undefined> {
    return this.text === undefined ? undefined : (JSON.parse(this.text) as SandboxSnapshot);
  }
  async save(snapshot: SandboxSnapshot): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    this.saves += 1;
    this.text = JSON.stringify(snapshot);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('attachSandboxPersistence', () => {
  it('keeps the seeded state when nothing is stored and saves once after a burst of changes', async () => {
    const store = new FakeStore();
    const state = createSandboxState({ seed: 3, scale: 30 });
    const handle = await attachSandboxPersistence(state, store, { debounceMs: 20 });
    expect(handle.restored).toBe(false);
    const asset = state.all('asset')[0] ?? {};
    for (const status of ['suspended', 'active', 'suspended']) {
      state.put('asset', { ...asset, status });
    }
    expect(store.saves).toBe(0);
    // Waited for, not slept on: a loaded machine may fire the debounce late.
    await vi.waitFor(() => expect(store.saves).toBe(1), { timeout: 5_000 });
    // And only once: a further debounce window adds no save.
    await sleep(60);
    expect(store.saves).toBe(1);
    expect(JSON.parse(store.text ?? '{}').seed).toBe(3);
    await handle.close();
  });

  it('serialises at once: a change during a save is not in that save, but in the next one', async () => {
    const store = new FakeStore();
    const state = createSandboxState({ seed: 3, scale: 30 });
    const saved: SandboxSnapshot[] = [];
    const handle = await attachSandboxPersistence(
      state,
      {
        load: async () => undefined,
        save: async (snapshot) => {
          saved.push(snapshot);
          await store.save(snapshot);
        },
      },
      { debounceMs: 1 },
    );
    const asset = state.all('asset')[0] ?? {};
    state.put('asset', { ...asset, status: 'suspended' });
    const first = handle.flush();
    state.put('asset', { ...asset, status: 'terminated' });
    await first;
    await handle.flush();
    const statusIn = (s: SandboxSnapshot | undefined) =>
      s?.collections['asset']?.find((a) => a['id'] === asset['id'])?.['status'];
    expect(saved.map(statusIn)).toEqual(['suspended', 'terminated']);
    await handle.close();
  });

  it('survives a restart: a new state from the seed is replaced by the stored snapshot', async () => {
    const store = new FakeStore();
    const first = createSandboxState({ seed: 4, scale: 30 });
    const handle = await attachSandboxPersistence(first, store, { debounceMs: 5 });
    const tar = first.all('tier-account-request')[0] ?? {};
    first.put('tier-account-request', { ...tar, status: 'accepted' });
    first.nextSequence('PR:x');
    await handle.close();

    const second = createSandboxState({ seed: 4, scale: 30 });
    const again = await attachSandboxPersistence(second, store);
    expect(again.restored).toBe(true);
    expect(second.snapshot()).toEqual(first.snapshot());
    await again.close();
  });

  it('retries a failed save on the next flush and reports the error', async () => {
    const store = new FakeStore();
    const errors: unknown[] = [];
    const state = createSandboxState({ seed: 4, scale: 30 });
    const handle = await attachSandboxPersistence(state, store, {
      debounceMs: 5,
      onError: (error) => errors.push(error),
    });
    store.failNext = true;
    state.put('case', { ...(state.all('case')[0] ?? {}), state: 'closed' });
    await handle.flush();
    expect(errors).toHaveLength(1);
    expect(store.saves).toBe(0);
    await handle.flush();
    expect(store.saves).toBe(1);
    await handle.close();
    const bad = await attachSandboxPersistence(
      createSandboxState({ scale: 10 }),
      { load: async () => ({ nope: 1 }) as unknown as SandboxSnapshot, save: async () => {} },
      { onError: (error) => errors.push(error) },
    );
    expect(bad.restored).toBe(false);
    expect(errors).toHaveLength(2);
    await bad.close();
  });

  it('works as a plugin option: API changes and admin re-seeds outlive the app', async () => {
    const store = new FakeStore();
    const options = {
      seed: 5,
      scale: 60,
      persistence: store,
      persistenceOptions: { debounceMs: 5 },
    };
    const app = await buildTestApp(options);
    const pending = (
      await call(app, 'GET', '/requests?in(status,(pending,inquiring))&limit=1')
    ).json()[0];
    await call(app, 'POST', `/requests/${pending.id}/fail`, { reason: 'gone' });
    await app.close();
    const reopened = await buildTestApp(options);
    expect((await call(reopened, 'GET', `/requests/${pending.id}`)).json().status).toBe('failed');
    await admin(reopened, 'POST', '/seed', { seed: 9, scale: 20 });
    await reopened.close();
    const third = await buildTestApp(options);
    expect((await admin(third, 'GET', '/state')).json()).toMatchObject({ seed: 9, scale: 20 });
    await third.close();
  });
});
