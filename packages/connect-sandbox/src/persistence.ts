import { isSnapshot, type SandboxSnapshot, type SandboxState } from './store/state.ts';

/**
 * Where a host keeps a sandbox between restarts (the Junction server: a row
 * in its database). `load` answers the last saved snapshot, or undefined when
 * there is none yet; `save` replaces it. Snapshots are plain JSON.
 */
export interface SandboxPersistence {
  load(): Promise<SandboxSnapshot | undefined>;
  save(snapshot: SandboxSnapshot): Promise<void>;
}

/** Options of `attachSandboxPersistence`. */
export interface SandboxPersistenceOptions {
  /** Quiet time after the last change before saving (default 500 ms). */
  debounceMs?: number;
  /** Longest a burst of changes may postpone a save (default 5 s). */
  maxWaitMs?: number;
  /** Called when `load` answers something that is not a snapshot, or `save` fails (default: a process warning). */
  onError?: (error: unknown) => void;
}

/** What `attachSandboxPersistence` returns. */
export interface SandboxPersistenceHandle {
  /** True when the state was replaced by a stored snapshot. */
  readonly restored: boolean;
  /** Saves now if anything changed since the last save, and waits for it. */
  flush(): Promise<void>;
  /** Stops listening and flushes (call when the host closes). */
  close(): Promise<void>;
}

/**
 * Loads the stored snapshot into `state` (when there is one) and from then on
 * saves the state, debounced, after it changes (including admin resets). The
 * snapshot is serialised the moment it is taken, so later changes never leak
 * into a save in progress; saves never overlap.
 */
export async function attachSandboxPersistence(
  state: SandboxState,
  persistence: SandboxPersistence,
  options: SandboxPersistenceOptions = {},
): Promise<SandboxPersistenceHandle> {
  const debounceMs = options.debounceMs ?? 500;
  const maxWaitMs = options.maxWaitMs ?? 5_000;
  const onError =
    options.onError ??
    ((error: unknown) => process.emitWarning(`connect-sandbox persistence: ${String(error)}`));

  const stored = await persistence.load();
  let restored = false;
  if (stored !== undefined) {
    if (isSnapshot(stored)) {
      state.replace(stored);
      restored = true;
    } else {
      onError(new TypeError('The stored sandbox snapshot is not a connect-sandbox snapshot.'));
    }
  }

  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChange = 0;
  let inFlight: Promise<void> | undefined;

  const save = (): Promise<void> => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (inFlight !== undefined) {
      // Saves never overlap: save again (if still needed) once this one is done.
      return inFlight.then(save);
    }
    if (!dirty) {
      return Promise.resolve();
    }
    dirty = false;
    // snapshot() hands out live objects: serialise them before anything can change.
    const snapshot = JSON.parse(JSON.stringify(state.snapshot())) as SandboxSnapshot;
    inFlight = persistence
      .save(snapshot)
      .catch((error: unknown) => {
        dirty = true;
        onError(error);
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  const unsubscribe = state.onChange(() => {
    const now = Date.now();
    if (!dirty || timer === undefined) {
      firstChange = now;
    }
    dirty = true;
    if (timer !== undefined) {
      clearTimeout(timer);
    }
    const wait = Math.max(0, Math.min(debounceMs, firstChange + maxWaitMs - now));
    timer = setTimeout(() => {
      void save();
    }, wait);
    timer.unref();
  });

  return {
    restored,
    flush: save,
    close: async () => {
      unsubscribe();
      await save();
    },
  };
}
