import type { PersistedPropertyStore, SnapshotStore } from './types.ts';

/** Persisted process properties kept in memory: survives runs, not restarts. */
export function createMemoryPropertyStore(): PersistedPropertyStore {
  const byProcess = new Map<string, Record<string, string>>();
  return {
    async load(processId) {
      return { ...byProcess.get(processId) };
    },
    async save(processId, name, value) {
      byProcess.set(processId, { ...byProcess.get(processId), [name]: value });
    },
  };
}

/** Find Changes snapshots kept in memory (the default when the host gives none). */
export function createMemorySnapshotStore(): SnapshotStore {
  const snapshots = new Map<string, Map<string, string>>();
  const key = (processId: string, name: string) => JSON.stringify([processId, name]);
  return {
    async load(processId, name) {
      const snapshot = snapshots.get(key(processId, name));
      return snapshot && new Map(snapshot);
    },
    async save(processId, name, snapshot) {
      snapshots.set(key(processId, name), new Map(snapshot));
    },
  };
}
