import { outputPorts } from '../../catalog/shape-catalog.ts';
import type { Position } from '../../schema/common.ts';
import type { Shape } from '../../schema/shapes.ts';

/** A rectangle on the canvas. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What one Boomi shape occupies here: its shape (if mapped), and a note (if anything was lost). */
export interface Footprint {
  /** Boomi's canvas position. */
  origin: Position;
  shape: Shape | undefined;
  hasNote: boolean;
}

/** The designer's largest shape width and its row heights (apps/web shape-node and note-node styles). */
const SHAPE_WIDTH = 220;
const SHAPE_HEADER = 60;
const PORT_ROW = 22;
const NOTE_WIDTH = 200;
const NOTE_HEIGHT = 80;
const GAP = 12;

/** Scales tried in turn, from Boomi's compact canvas outward, until nothing overlaps. */
const SCALES: readonly Position[] = [
  { x: 1.5, y: 1.25 },
  { x: 1.5, y: 1.75 },
  { x: 2, y: 2 },
  { x: 2.5, y: 2.5 },
  { x: 3, y: 3 },
];

/** The height a shape takes on the canvas: multi-path shapes list a row per labelled path. */
export function shapeHeight(shape: Shape): number {
  const ports = outputPorts(shape);
  return ports.some((p) => p.label !== '') ? SHAPE_HEADER + ports.length * PORT_ROW : SHAPE_HEADER;
}

/** Where a footprint's shape and note go at `scale`: the note below the shape, or in its place. */
export function placeFootprint(
  footprint: Footprint,
  scale: Position,
): { at: Position; boxes: Box[]; note: Position } {
  const at = {
    x: Math.round(footprint.origin.x * scale.x),
    y: Math.round(footprint.origin.y * scale.y),
  };
  if (!footprint.shape) {
    return { at, note: at, boxes: [{ ...at, width: NOTE_WIDTH, height: NOTE_HEIGHT }] };
  }
  const height = shapeHeight(footprint.shape);
  const shapeBox = { ...at, width: SHAPE_WIDTH, height };
  if (!footprint.hasNote) {
    return { at, note: at, boxes: [shapeBox] };
  }
  const note = { x: at.x, y: at.y + height + GAP };
  return { at, note, boxes: [shapeBox, { ...note, width: NOTE_WIDTH, height: NOTE_HEIGHT }] };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The smallest of SCALES at which no shape or note overlaps another (the largest
 * when none is free of overlaps: Boomi shapes drawn on top of each other stay so).
 * Sorting by x keeps the check near linear on real layouts.
 */
export function chooseScale(footprints: readonly Footprint[]): Position {
  for (const scale of SCALES) {
    const boxes = footprints
      .flatMap((f) => placeFootprint(f, scale).boxes)
      .sort((a, b) => a.x - b.x);
    if (!anyOverlap(boxes)) {
      return scale;
    }
  }
  return SCALES[SCALES.length - 1] as Position;
}

function anyOverlap(sortedByX: readonly Box[]): boolean {
  for (let i = 0; i < sortedByX.length; i++) {
    const a = sortedByX[i] as Box;
    for (let j = i + 1; j < sortedByX.length; j++) {
      const b = sortedByX[j] as Box;
      if (b.x >= a.x + a.width) {
        break;
      }
      if (overlaps(a, b)) {
        return true;
      }
    }
  }
  return false;
}
