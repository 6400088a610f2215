import type { JsonObject } from '../json.ts';
import { Random } from '../random.ts';
import { COLLECTION_NAMES, type CollectionName } from './collections.ts';

/**
 * One mutation of the sandbox, as reported to `onChange` listeners: an object
 * created, updated or deleted, or the whole state replaced (`reset`: admin
 * reset/re-seed, or a snapshot loaded by persistence).
 */
export type SandboxChange =
  | { kind: 'create'; collection: CollectionName; id: string }
  | {
      kind: 'update' | 'delete';
      collection: CollectionName;
      id: string;
      /** The object as it was before (stored objects are replaced, never changed in place). */
      previous: JsonObject;
    }
  | { kind: 'reset' };

/** The JSON-serialisable form of a whole sandbox (see `SandboxState.snapshot`). */
export interface SandboxSnapshot {
  format: 'connect-sandbox/1';
  seed: number;
  scale: number;
  rng: number;
  sequences: Record<string, number>;
  collections: Record<string, JsonObject[]>;
}

/**
 * The simulator's in-memory database: one ordered map per object family.
 * Stored objects are replaced, never mutated in place, because seeded objects
 * share sub-objects to keep 100k-object seeds small.
 */
export interface SandboxState {
  /** Seed of the data currently held (changes on `replace`). */
  readonly seed: number;
  readonly scale: number;
  /** All objects of a family in storage (creation) order. */
  all(collection: CollectionName): JsonObject[];
  get(collection: CollectionName, id: string): JsonObject | undefined;
  /** Inserts or replaces an object (by its `id`) and notifies listeners. */
  put(collection: CollectionName, obj: JsonObject): void;
  remove(collection: CollectionName, id: string): boolean;
  /** Next value of a named counter, starting at 1 (request/TCR id suffixes). */
  nextSequence(key: string): number;
  /** Runtime randomness for new ids; deterministic and part of the snapshot. */
  readonly random: Random;
  /** The current time as Connect writes it: `2020-11-23T14:18:17+00:00`. */
  now(): string;
  /** A JSON-serialisable copy-free view of the whole state. */
  snapshot(): SandboxSnapshot;
  /**
   * Replaces the whole content in place (seed, scale, counters, objects) with a
   * snapshot's, so every plugin holding this state sees it; emits `reset`.
   * The snapshot's objects are deep-copied.
   */
  replace(snapshot: SandboxSnapshot): void;
  /** Subscribes to mutations; returns the unsubscribe function. */
  onChange(listener: (change: SandboxChange) => void): () => void;
}

/** Builds an empty state; seeding fills it. */
export function createEmptyState(seed: number, scale: number): SandboxState {
  return new MemoryState(seed, scale, seed ^ 0x5eed, {});
}

/** Rebuilds a state from `snapshot()` output (after a JSON round trip, too). */
export function restoreSandboxState(snapshot: unknown): SandboxState {
  if (!isSnapshot(snapshot)) {
    throw new TypeError('Not a connect-sandbox snapshot.');
  }
  const state = new MemoryState(snapshot.seed, snapshot.scale, snapshot.rng, {});
  state.fill(snapshot);
  return state;
}

/** True for `snapshot()` output (the format tag, a seed and collections). */
export function isSnapshot(value: unknown): value is SandboxSnapshot {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return (
    record['format'] === 'connect-sandbox/1' &&
    typeof record['seed'] === 'number' &&
    typeof record['collections'] === 'object'
  );
}

function formatNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

class MemoryState implements SandboxState {
  seed: number;
  scale: number;
  readonly random: Random;
  sequences: Record<string, number>;
  readonly maps = new Map<CollectionName, Map<string, JsonObject>>();
  readonly listeners = new Set<(change: SandboxChange) => void>();

  constructor(seed: number, scale: number, rng: number, sequences: Record<string, number>) {
    this.seed = seed;
    this.scale = scale;
    this.random = new Random(rng);
    this.sequences = { ...sequences };
    for (const name of COLLECTION_NAMES) {
      this.maps.set(name, new Map());
    }
  }

  map(collection: CollectionName): Map<string, JsonObject> {
    return this.maps.get(collection) as Map<string, JsonObject>;
  }

  /** Loads a (deep-copied) snapshot into this state without notifying. */
  fill(snapshot: SandboxSnapshot): void {
    const copy = structuredClone(snapshot);
    this.seed = copy.seed;
    this.scale = copy.scale;
    this.random.state = copy.rng >>> 0;
    this.sequences = { ...copy.sequences };
    for (const name of COLLECTION_NAMES) {
      const map = new Map<string, JsonObject>();
      for (const obj of copy.collections[name] ?? []) {
        map.set(String(obj['id']), obj);
      }
      this.maps.set(name, map);
    }
  }

  replace(snapshot: SandboxSnapshot): void {
    if (!isSnapshot(snapshot)) {
      throw new TypeError('Not a connect-sandbox snapshot.');
    }
    this.fill(snapshot);
    this.emit({ kind: 'reset' });
  }

  all(collection: CollectionName): JsonObject[] {
    return Array.from(this.map(collection).values());
  }

  get(collection: CollectionName, id: string): JsonObject | undefined {
    return this.map(collection).get(id);
  }

  put(collection: CollectionName, obj: JsonObject): void {
    const id = String(obj['id']);
    const map = this.map(collection);
    const previous = map.get(id);
    map.set(id, obj);
    this.emit(
      previous === undefined
        ? { collection, id, kind: 'create' }
        : { collection, id, kind: 'update', previous },
    );
  }

  remove(collection: CollectionName, id: string): boolean {
    const map = this.map(collection);
    const previous = map.get(id);
    if (previous === undefined) {
      return false;
    }
    map.delete(id);
    this.emit({ collection, id, kind: 'delete', previous });
    return true;
  }

  nextSequence(key: string): number {
    const next = (this.sequences[key] ?? 0) + 1;
    this.sequences[key] = next;
    return next;
  }

  now(): string {
    return formatNow();
  }

  snapshot(): SandboxSnapshot {
    const collections: Record<string, JsonObject[]> = {};
    for (const name of COLLECTION_NAMES) {
      collections[name] = this.all(name);
    }
    return {
      format: 'connect-sandbox/1',
      seed: this.seed,
      scale: this.scale,
      rng: this.random.state,
      sequences: { ...this.sequences },
      collections,
    };
  }

  onChange(listener: (change: SandboxChange) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(change: SandboxChange): void {
    for (const listener of this.listeners) {
      listener(change);
    }
  }
}
