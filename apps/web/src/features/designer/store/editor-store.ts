import type { ProcessDocument } from '@junction/process-model';
import { createStore, type StoreApi } from 'zustand/vanilla';

const HISTORY_LIMIT = 100;

export type DocumentOperation = (doc: ProcessDocument) => ProcessDocument;

export interface Size {
  width: number;
  height: number;
}

export interface EditorState {
  /** The working copy: the single source of truth for the canvas. */
  document: ProcessDocument;
  /**
   * The saved revision the working copy is based on, sent as If-Match. The saved
   * copy itself lives only in the query cache (see saved-copy.ts).
   */
  revision: number;
  selectedShapes: readonly string[];
  selectedConnections: readonly string[];
  /** Sizes React Flow measured, kept so derived nodes keep `measured`. */
  measured: Readonly<Record<string, Size>>;
  past: readonly ProcessDocument[];
  future: readonly ProcessDocument[];
  /** The document before a drag began; the drag becomes one undo entry when it ends. */
  gestureStart: ProcessDocument | null;
  /** The test run shown on the canvas, if any. */
  runId: string | null;
  /** The run document open in the inspector; its path lights up on the canvas. */
  inspectedDocument: string | null;
  /**
   * Shapes a test run pauses before. Editor state, not part of the process: they are
   * not saved, exported or undone, and a test sends those of shapes that still exist.
   */
  breakpoints: readonly string[];

  /** Applies a pure operation as one undoable step. */
  apply(operation: DocumentOperation): void;
  /** Applies an operation live during a gesture (drag); commitGesture records it once. */
  applyLive(operation: DocumentOperation): void;
  commitGesture(): void;
  undo(): void;
  redo(): void;
  select(shapes: readonly string[], connections?: readonly string[]): void;
  setMeasured(id: string, size: Size): void;
  /** The working copy is now based on this saved revision (after a save, or loading theirs). */
  rebase(revision: number): void;
  showRun(runId: string | null): void;
  inspectDocument(documentId: string | null): void;
  /** Sets a breakpoint on each shape without one, or clears them all when all had one. */
  toggleBreakpoints(shapeIds: readonly string[]): void;
}

function pushed(past: readonly ProcessDocument[], doc: ProcessDocument): ProcessDocument[] {
  return [...past, doc].slice(-HISTORY_LIMIT);
}

/** One store per open process (and per test): created from the saved copy and its revision. */
export function createEditorStore(
  document: ProcessDocument,
  revision: number,
): StoreApi<EditorState> {
  return createStore<EditorState>()((set, get) => ({
    document,
    revision,
    selectedShapes: [],
    selectedConnections: [],
    measured: {},
    past: [],
    future: [],
    gestureStart: null,
    runId: null,
    inspectedDocument: null,
    breakpoints: [],

    apply(operation) {
      const { document: current, past } = get();
      const next = operation(current);
      if (next !== current) {
        set({
          document: next,
          past: pushed(past, current),
          future: [],
          runId: null,
          inspectedDocument: null,
        });
      }
    },
    applyLive(operation) {
      const { document: current, gestureStart } = get();
      const next = operation(current);
      if (next !== current) {
        set({ document: next, gestureStart: gestureStart ?? current });
      }
    },
    commitGesture() {
      const { gestureStart, past, document: current } = get();
      if (gestureStart && gestureStart !== current) {
        set({ past: pushed(past, gestureStart), future: [], gestureStart: null });
      } else {
        set({ gestureStart: null });
      }
    },
    undo() {
      const { past, future, document: current } = get();
      const previous = past.at(-1);
      if (previous) {
        set({ document: previous, past: past.slice(0, -1), future: [current, ...future] });
      }
    },
    redo() {
      const { past, future, document: current } = get();
      const [next, ...rest] = future;
      if (next) {
        set({ document: next, past: pushed(past, current), future: rest });
      }
    },
    select(shapes, connections = []) {
      set({ selectedShapes: shapes, selectedConnections: connections });
    },
    setMeasured(id, size) {
      const current = get().measured[id];
      if (!current || current.width !== size.width || current.height !== size.height) {
        set({ measured: { ...get().measured, [id]: size } });
      }
    },
    rebase(savedRevision) {
      set({ revision: savedRevision });
    },
    showRun(runId) {
      set({ runId, inspectedDocument: null });
    },
    inspectDocument(documentId) {
      set({ inspectedDocument: documentId });
    },
    toggleBreakpoints(shapeIds) {
      const current = get().breakpoints;
      const allSet = shapeIds.length > 0 && shapeIds.every((id) => current.includes(id));
      set({
        breakpoints: allSet
          ? current.filter((id) => !shapeIds.includes(id))
          : [...current, ...shapeIds.filter((id) => !current.includes(id))],
      });
    },
  }));
}
