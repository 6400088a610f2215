import type { DocumentPreview, RunRecord } from '@junction/api';

/** One failing document under its shape. */
export interface ShapeError {
  documentId: string;
  message: string;
}

/** A shape's errors: how many documents failed there, the ones loaded, and a process error. */
export interface ErrorGroup {
  shapeId: string;
  /** Documents in error at the shape (all of them, not only those loaded). */
  count: number;
  errors: ShapeError[];
  /** The error that stopped the run here, when no document carries it. */
  processError: string | null;
}

/** Shapes with documents in error, or where the run stopped, in the order the run reached them. */
export function failingShapes(run: RunRecord): string[] {
  return Object.entries(run.shapes)
    .filter(([, s]) => s.documentsInError > 0 || s.status === 'error')
    .map(([id]) => id);
}

/**
 * A run's errors grouped by shape. `documents` holds the documents in error
 * loaded for each failing shape (undefined while loading). A shape that ended
 * in error with no failing document keeps its message as the process error, so
 * an error that stopped the run is never left out.
 */
export function groupErrorsByShape(
  run: RunRecord,
  documents: Readonly<Record<string, readonly DocumentPreview[] | undefined>>,
): ErrorGroup[] {
  return failingShapes(run).map((shapeId) => {
    const stats = run.shapes[shapeId];
    const count = stats?.documentsInError ?? 0;
    const errors = (documents[shapeId] ?? []).map((doc) => ({
      documentId: doc.documentId,
      message: doc.error ?? 'Failed (no message)',
    }));
    const processError = count === 0 ? (stats?.message ?? run.error ?? 'Failed') : null;
    return { shapeId, count, errors, processError };
  });
}
