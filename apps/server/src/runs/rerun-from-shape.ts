import type { ProcessDocument } from '@junction/process-model';

/** The connection a re-run adds from Start to the chosen shape. */
export const RERUN_ENTRY_CONNECTION = 'rerun-entry';

/**
 * A variant of `process` that begins at `shapeId`: Start becomes a Data
 * Passthrough whose only path leads to that shape, so the engine hands the
 * stored documents (given as start documents) straight to it. Shapes upstream
 * are left in place but unreachable; ids are unchanged, so the run's counts and
 * documents line up with the original process on the canvas.
 */
export function startingAtShape(process: ProcessDocument, shapeId: string): ProcessDocument {
  const entry = Object.entries(process.shapes).find(([, s]) => s.kind === 'start');
  if (!entry) {
    throw new Error('The process has no Start shape.');
  }
  const [startId, start] = entry;
  if (shapeId === startId || start.kind !== 'start') {
    return process;
  }
  return {
    ...process,
    shapes: { ...process.shapes, [startId]: { ...start, config: { mode: 'passthrough' } } },
    connections: [
      ...process.connections.filter((c) => c.from.shape !== startId),
      {
        id: RERUN_ENTRY_CONNECTION,
        from: { shape: startId, port: 'default' },
        to: { shape: shapeId },
      },
    ],
  };
}
