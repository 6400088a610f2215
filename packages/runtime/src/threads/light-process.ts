import {
  type ParameterValue,
  type ProcessDocument,
  type Shape,
  shapesOnCycles,
} from '@junction/process-model';
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
  /**
   * `[` and `{` in the start documents: parsing is dearest per container (16 KB of
   * nested arrays parses in 0.5 ms, 16 KB of numbers in 60 µs), and every profile
   * element read parses its document again.
   */
  containers: 1024,
  /** Static values, Route keys and profile-element paths read per document, in characters. */
  text: 16 * 1024,
} as const;

/**
 * Comparisons that take time linear in the values. A regex or wildcard pattern is
 * matched in time proportional to the value's length times the pattern's.
 */
const LINEAR_OPERATORS = new Set(['equals', 'not-equals', 'gt', 'ge', 'lt', 'le']);

/**
 * Values a light run may compare: the document's own fields and properties (counted
 * in its bytes), the execution's properties (a few short ids) and text in the
 * process. A stored process property has no size limit, and a date format is
 * written per document: those runs go to a thread.
 */
function lightValue(value: ParameterValue): boolean {
  return value.type !== 'process-property' && value.type !== 'current-date';
}

/** Characters of the process's own text a comparison reads per document. */
function staticChars(value: ParameterValue): number {
  return value.type === 'static'
    ? value.value.length
    : value.type === 'profile-element'
      ? value.path.length
      : 0;
}

/**
 * Shapes that only route or end: no user code, template, pattern, date mask or
 * field write, no call out, and each document leaves by one port at most. Branch,
 * Try/Catch and Flow Control multiply documents, retries or shape runs; Message, Set
 * Properties, Notify and Exception render templates that can repeat a value
 * thousands of times; Cleanse parses date masks and writes field paths. They all run
 * in an engine thread, where a run that spins or grows never holds up the host.
 * Returns the characters of static text the shape compares per document, or
 * undefined when the shape is not light.
 */
function lightShapeText(shape: Shape): number | undefined {
  switch (shape.kind) {
    case 'start':
      return shape.config.mode === 'connector' ? undefined : 0;
    case 'stop':
    case 'return-documents':
      return 0;
    case 'decision': {
      const { left, operator, right } = shape.config;
      return LINEAR_OPERATORS.has(operator) && lightValue(left) && lightValue(right)
        ? staticChars(left) + staticChars(right)
        : undefined;
    }
    case 'route': {
      const { value, operator, keys } = shape.config;
      return LINEAR_OPERATORS.has(operator) &&
        lightValue(value) &&
        keys.length <= LIGHT_RUN_LIMITS.routeKeys
        ? staticChars(value) + keys.reduce((sum, key) => sum + key.length, 0)
        : undefined;
    }
    default:
      return undefined;
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

/** `[` and `{` in the documents' text, those inside strings too (an upper bound). */
function documentContainers(documents: readonly RunDocument[]): number {
  let containers = 0;
  for (const { data } of documents) {
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      if (code === 0x5b || code === 0x7b) {
        containers += 1;
      }
    }
  }
  return containers;
}

/** What starting a run costs whatever it holds, in the units of lightRunWork. */
const RUN_WORK = 4;

/**
 * The work of a run that may go on the host's own thread, or undefined when it may
 * not: a small process of routing shapes only (its Start brings nothing from a
 * connector), with no loop (the engine does not guard against one; a draft may hold
 * one), started with few, small documents. The hop to an engine thread (the task,
 * the run's port, copies of the process and of every event) costs more CPU than such
 * a run: on a worker, about 0.3 ms for Start -> Stop against a few microseconds
 * (bench/notes.md).
 *
 * The work is 4 to start, then shapes × (documents + KiB of them + 1): what each
 * shape reads, in units of roughly 10 µs. Start -> Stop with no data is 6; the
 * dearest light run, 32 shapes over 16 documents of 16 KiB in all, is 1,060 (about
 * 6 ms measured).
 */
export function lightRunWork(
  process: ProcessDocument,
  startDocuments: readonly RunDocument[] = [],
): number | undefined {
  const shapes = Object.values(process.shapes);
  const bytes = documentBytes(startDocuments);
  if (
    shapes.length > LIGHT_RUN_LIMITS.shapes ||
    startDocuments.length > LIGHT_RUN_LIMITS.documents ||
    // Negated so that NaN (a property that is not text) is not light either.
    !(bytes <= LIGHT_RUN_LIMITS.bytes) ||
    documentContainers(startDocuments) > LIGHT_RUN_LIMITS.containers
  ) {
    return undefined;
  }
  let text = 0;
  for (const shape of shapes) {
    const chars = lightShapeText(shape);
    if (chars === undefined) {
      return undefined;
    }
    text += chars;
  }
  if (text > LIGHT_RUN_LIMITS.text || shapesOnCycles(process).size > 0) {
    return undefined;
  }
  return RUN_WORK + shapes.length * (startDocuments.length + Math.ceil(bytes / 1024) + 1);
}

/** Whether a run may go on the host's own thread (see lightRunWork). */
export function isLightRun(
  process: ProcessDocument,
  startDocuments: readonly RunDocument[] = [],
): boolean {
  return lightRunWork(process, startDocuments) !== undefined;
}

/** The work of the dearest light run (see lightRunWork). */
export const MAX_LIGHT_RUN_WORK =
  RUN_WORK +
  LIGHT_RUN_LIMITS.shapes * (LIGHT_RUN_LIMITS.documents + LIGHT_RUN_LIMITS.bytes / 1024 + 1);
