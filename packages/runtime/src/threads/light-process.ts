import { type ProcessDocument, type Shape, shapesOnCycles } from '@junction/process-model';

/**
 * Shapes whose work is linear in the documents they are handed and that make no new
 * data: they run no user code (no script, no JSONata), call no connector, program or
 * other process, read no stored snapshot or cache, render no template, and pass each
 * document to one port at most. Left out on purpose, though they run no user code:
 * Branch and Try/Catch, whose copies and retries multiply along a chain of them;
 * Message and Set Properties, whose templates can double a value at each shape of a
 * chain; Notify and Exception, whose templates can repeat a large value thousands of
 * times. Whatever could spin or grow without bound runs in an engine thread, under
 * its heap limit, where the host's requests and heartbeats never wait for it.
 */
const LIGHT_KINDS: ReadonlySet<Shape['kind']> = new Set([
  'stop',
  'return-documents',
  'route',
  'decision',
  'cleanse',
  'flow-control',
]);

/**
 * Comparisons that take time linear in the values. A regex or wildcard pattern is
 * matched in time proportional to the value's length times the pattern's, which a
 * large pattern against a large document makes minutes.
 */
const LINEAR_OPERATORS = new Set(['equals', 'not-equals', 'gt', 'ge', 'lt', 'le']);

function isLightShape(shape: Shape): boolean {
  switch (shape.kind) {
    case 'start':
      return shape.config.mode !== 'connector';
    case 'route':
    case 'decision':
      return LINEAR_OPERATORS.has(shape.config.operator);
    default:
      return LIGHT_KINDS.has(shape.kind);
  }
}

/**
 * Whether a run of `process` may go on the host's own thread: every shape is light
 * (its Start brings nothing from a connector), and it has no loop (the engine does
 * not guard against one; a draft may hold one). Such a run is bounded by its start
 * documents, and the hop to an engine thread (the task, the run's port, copies of
 * the process and of every event) costs more CPU than the run: on a worker, about
 * 0.3 ms for Start → Stop against a few microseconds (bench/notes.md).
 */
export function isLightProcess(process: ProcessDocument): boolean {
  return Object.values(process.shapes).every(isLightShape) && shapesOnCycles(process).size === 0;
}
