import {
  addShape,
  connectShapes,
  outputPorts,
  type ProcessDocument,
  type Shape,
  type ShapeKind,
} from '@junction/process-model';
import { DEFAULT_SHAPE_SIZE, freePosition, type Point, type Rect } from './free-position.ts';

/** A shape's output port a new shape can hang from. */
export interface PortRef {
  shape: string;
  port: string;
}

type Sizes = Readonly<Record<string, { width: number; height: number }>>;

/** How far right of its source a connected new shape goes: one shape width and a gap. */
const NEXT_SHAPE_DX = 240;
/** Where a shape added with nothing to attach to goes: right of everything, at this height. */
const LOOSE_SHAPE_Y = 160;
/** Notes are 200px wide (styles.css) and a few lines tall. */
const NOTE_SIZE = { width: 200, height: 100 };

/** The first output port of `shapeId` that no connection leaves from. */
export function freePort(doc: ProcessDocument, shapeId: string): string | undefined {
  const shape = doc.shapes[shapeId];
  if (!shape) {
    return undefined;
  }
  const used = new Set(
    doc.connections.filter((c) => c.from.shape === shapeId).map((c) => c.from.port),
  );
  return outputPorts(shape).find((p) => !used.has(p.id))?.id;
}

/**
 * The port a shape added from the palette connects to: the first free port of the
 * one selected shape. Several selected shapes are ambiguous, so they give none.
 */
export function attachPort(
  doc: ProcessDocument,
  selectedShapes: readonly string[],
): PortRef | undefined {
  const shapes = selectedShapes.filter((id) => doc.shapes[id] !== undefined);
  if (shapes.length !== 1 || selectedShapes.length !== 1) {
    return undefined;
  }
  const [shape] = shapes as [string];
  const port = freePort(doc, shape);
  return port === undefined ? undefined : { shape, port };
}

/** Everything already on the canvas, as rectangles a new shape must stay clear of. */
export function occupiedRects(doc: ProcessDocument, sizes: Sizes): Rect[] {
  const shapes = Object.entries(doc.layout).map(([id, at]) => ({
    ...at,
    ...(sizes[id] ?? DEFAULT_SHAPE_SIZE),
  }));
  const notes = doc.notes.map((n) => ({ ...n.position, ...NOTE_SIZE }));
  return [...shapes, ...notes];
}

export interface NewShape {
  id: string;
  kind: ShapeKind;
  shape: Shape;
  /** The id the connection from `after` gets. */
  connectionId: string;
  /** Connect the new shape to this port, and place it to the right of its shape. */
  after?: PortRef | undefined;
  /** Where the user dropped it; without it (and `after`), right of everything. */
  near?: Point | undefined;
}

/** The preferred spot before overlap is resolved. */
function preferredPosition(doc: ProcessDocument, input: NewShape): Point {
  const source = input.after ? doc.layout[input.after.shape] : undefined;
  if (source) {
    return { x: source.x + NEXT_SHAPE_DX, y: source.y };
  }
  if (input.near) {
    return input.near;
  }
  const xs = Object.values(doc.layout).map((p) => p.x);
  return { x: Math.max(0, ...xs) + NEXT_SHAPE_DX, y: LOOSE_SHAPE_Y };
}

/**
 * Adds a shape where it covers nothing and, given `after`, connects that port to
 * it, as one edit (one undo step).
 */
export function addNewShape(doc: ProcessDocument, input: NewShape, sizes: Sizes): ProcessDocument {
  const position = freePosition(
    preferredPosition(doc, input),
    DEFAULT_SHAPE_SIZE,
    occupiedRects(doc, sizes),
  );
  const added = addShape(doc, { id: input.id, kind: input.kind, position, shape: input.shape });
  if (!input.after || added === doc) {
    return added;
  }
  return connectShapes(added, {
    id: input.connectionId,
    from: input.after,
    to: { shape: input.id },
  });
}
