export interface Point {
  x: number;
  y: number;
}

export interface Rect extends Point {
  width: number;
  height: number;
}

/** A shape's size before React Flow has measured it: the widest a shape node gets. */
export const DEFAULT_SHAPE_SIZE = { width: 210, height: 70 } as const;

/** Space kept between a new shape and its neighbours, one snap-grid step. */
const GAP = 20;
/** How far down a column the search goes before it tries the next column. */
const ROWS_PER_COLUMN = 12;

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.x < b.x + b.width + GAP &&
    b.x < a.x + a.width + GAP &&
    a.y < b.y + b.height + GAP &&
    b.y < a.y + a.height + GAP
  );
}

/**
 * Where a new shape of `size` goes: `preferred` if nothing is there, else the
 * nearest free spot below it, then in the columns to its right. The column to
 * the right of every occupied rectangle is always free, so the search ends.
 */
export function freePosition(
  preferred: Point,
  size: { width: number; height: number },
  occupied: readonly Rect[],
): Point {
  const rowStep = size.height + GAP;
  const columnStep = size.width + GAP;
  for (let column = 0; ; column++) {
    for (let row = 0; row < ROWS_PER_COLUMN; row++) {
      const candidate = {
        x: preferred.x + column * columnStep,
        y: preferred.y + row * rowStep,
      };
      if (!occupied.some((r) => overlaps({ ...candidate, ...size }, r))) {
        return candidate;
      }
    }
  }
}
