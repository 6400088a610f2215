import { type ProcessDocument, type Shape, shapesOnCycles } from '@junction/process-model';
import type { RunDocument } from '../types.ts';

/**
 * What a light run may hold. Each shape reads each document at most twice (a profile
 * element parses the document's text again on every read), so the worst a light run
 * can cost is about shapes × 2 × documents' bytes of parsing: 30 Decisions comparing
 * two fields of one 15 KB document held the event loop about 10 ms at worst. A run
 * inline cannot be cut off by its time limit (its timer waits for the event loop the
 * run holds), which is why the bound is on the work, not on the clock.
 */
export const LIGHT_RUN_LIMITS = {
  shapes: 32,
  routeKeys: 32,
  documents: 16,
  bytes: 16 * 1024,
} as const;

/**
 * Comparisons that take time linear in the values. A regex or wildcard pattern is
 * matched in time proportional to the value's length times the pattern's.
 */
const LINEAR_OPERATORS = new Set(['equals', 'not-equals', 'gt', 'ge', 'lt', 'le']);

/**
 * Shapes that only route or end: no user code, template, pattern, date mask or
 * field write, no call out, and each document leaves by one port at most. Branch,
 * Try/Catch and Flow Control multiply documents, retries or shape runs; Message, Set
 * Properties, Notify and Exception render templates that can repeat a value
 * thousands of times; Cleanse parses date masks and writes field paths. They all run
 * in an engine thread, where a run that spins or grows never holds up the host.
 */
function isLightShape(shape: Shape): boolean {
  switch (shape.kind) {
    case 'start':
      return shape.config.mode !== 'connector';
    case 'stop':
    case 'return-documents':
      return true;
    case 'decision':
      return LINEAR_OPERATORS.has(shape.config.operator);
    case 'route':
      return (
        LINEAR_OPERATORS.has(shape.config.operator) &&
        shape.config.keys.length <= LIGHT_RUN_LIMITS.routeKeys
      );
    default:
      return false;
  }
}

function documentBytes(documents: readonly RunDocument[]): number {
  let bytes = 0;
  for (const doc of documents) {
    bytes += doc.data.length;
    for (const [name, value] of Object.entries(doc.properties)) {
      bytes += name.length + value.length;
    }
  }
  return bytes;
}

/**
 * Whether a run may go on the host's own thread: a small process of routing shapes
 * only (its Start brings nothing from a connector), with no loop (the engine does not
 * guard against one; a draft may hold one), started with few, small documents. The
 * hop to an engine thread (the task, the run's port, copies of the process and of
 * every event) costs more CPU than such a run: on a worker, about 0.3 ms for
 * Start -> Stop against a few microseconds (bench/notes.md).
 */
export function isLightRun(
  process: ProcessDocument,
  startDocuments: readonly RunDocument[] = [],
): boolean {
  const shapes = Object.values(process.shapes);
  return (
    shapes.length <= LIGHT_RUN_LIMITS.shapes &&
    startDocuments.length <= LIGHT_RUN_LIMITS.documents &&
    shapes.every(isLightShape) &&
    documentBytes(startDocuments) <= LIGHT_RUN_LIMITS.bytes &&
    shapesOnCycles(process).size === 0
  );
}
