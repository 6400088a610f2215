import type { Port } from '../kind-info.ts';
import { type ShapeKindInfo, singlePort } from '../kind-info.ts';

function cacheSummary(cache: string): string {
  return cache.trim() === '' ? 'Not configured' : cache;
}

const CHANGE_PORTS: readonly Port[] = [
  { id: 'add', label: 'Add' },
  { id: 'update', label: 'Update' },
  { id: 'delete', label: 'Delete' },
];

export const findChanges: ShapeKindInfo<'find-changes'> = {
  kind: 'find-changes',
  label: 'Find Changes',
  group: 'execute',
  description: 'Compares records with the last run’s snapshot: added, updated, deleted.',
  ports: () => [...CHANGE_PORTS],
  defaultShape: () => ({ kind: 'find-changes', label: '', config: { cache: '', keyPath: '' } }),
  summary: ({ config }) => cacheSummary(config.cache),
};

export const addToCache: ShapeKindInfo<'add-to-cache'> = {
  kind: 'add-to-cache',
  label: 'Add to Cache',
  group: 'execute',
  description: 'Keeps each document in a named cache for this execution, under a key.',
  ports: singlePort,
  defaultShape: () => ({ kind: 'add-to-cache', label: '', config: { cache: '', key: [] } }),
  summary: ({ config }) => cacheSummary(config.cache),
};

export const retrieveFromCache: ShapeKindInfo<'retrieve-from-cache'> = {
  kind: 'retrieve-from-cache',
  label: 'Retrieve From Cache',
  group: 'execute',
  description: 'Replaces each document with the cached documents for its key.',
  ports: singlePort,
  defaultShape: () => ({
    kind: 'retrieve-from-cache',
    label: '',
    config: { cache: '', allDocuments: false, key: [], failIfMissing: false },
  }),
  summary: ({ config }) => cacheSummary(config.cache),
};

export const removeFromCache: ShapeKindInfo<'remove-from-cache'> = {
  kind: 'remove-from-cache',
  label: 'Remove From Cache',
  group: 'execute',
  description: 'Drops cached documents by key, or the whole cache.',
  ports: singlePort,
  defaultShape: () => ({
    kind: 'remove-from-cache',
    label: '',
    config: { cache: '', allDocuments: false, key: [] },
  }),
  summary: ({ config }) => cacheSummary(config.cache),
};
