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
/** Candidate spots lie on the snap grid... */
const STEP = 20;
/** ...up to this far right of and below the preferred spot. */
const REACH = 1200;

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.x < b.x + b.width + GAP &&
    b.x < a.x + a.width + GAP &&
    a.y < b.y + b.height + GAP &&
    b.y < a.y + a.height + GAP
  );
}

/** Grid offsets right of and below a spot, nearest first; computed once. */
const OFFSETS: readonly Point[] = (() => {
  const offsets: Point[] = [];
  for (let x = 0; x <= REACH; x += STEP) {
    for (let y = 0; y <= REACH; y += STEP) {
      offsets.push({ x, y });
    }
  }
  // Nearest first; at equal distance, to the right (the direction a process reads).
  return offsets.sort((a, b) => a.x * a.x + a.y * a.y - (b.x * b.x + b.y * b.y) || a.y - b.y);
})();

/**
 * Where a new shape of `size` goes: `preferred` if nothing is there, else the
 * nearest free spot to its right or below it (never up or left, where the flow
 * comes from). Should that area be full, right of everything.
 */
export function freePosition(
  preferred: Point,
  size: { width: number; height: number },
  occupied: readonly Rect[],
): Point {
  for (const offset of OFFSETS) {
    const candidate = { x: preferred.x + offset.x, y: preferred.y + offset.y };
    if (!occupied.some((r) => overlaps({ ...candidate, ...size }, r))) {
      return candidate;
    }
  }
  const right = Math.max(...occupied.map((r) => r.x + r.width));
  return { x: right + GAP, y: preferred.y };
}
