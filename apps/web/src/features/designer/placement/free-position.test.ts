import { describe, expect, it } from 'vitest';
import { DEFAULT_SHAPE_SIZE, freePosition, type Rect } from './free-position.ts';

const size = DEFAULT_SHAPE_SIZE;

function box(x: number, y: number): Rect {
  return { x, y, ...size };
}

function collide(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('freePosition', () => {
  it('keeps the preferred spot when it is free', () => {
    expect(freePosition({ x: 400, y: 100 }, size, [box(0, 100)])).toEqual({ x: 400, y: 100 });
  });

  it('moves below a shape that covers the preferred spot, the nearer way out', () => {
    // Below is 100px away (height 70 + gap 20, on the 20px grid), right would be 240px.
    expect(freePosition({ x: 240, y: 100 }, size, [box(240, 100)])).toEqual({ x: 240, y: 200 });
  });

  it('moves only a little right when a shape just overlaps the spot’s left edge', () => {
    const at = freePosition({ x: 200, y: 100 }, { width: 150, height: 60 }, [
      { x: 80, y: 80, width: 150, height: 100 },
    ]);
    expect(at).toEqual({ x: 260, y: 100 });
  });

  it('never moves up or left of the preferred spot', () => {
    const at = freePosition({ x: 240, y: 100 }, size, [box(300, 130), box(240, 300)]);
    expect(at.x).toBeGreaterThanOrEqual(240);
    expect(at.y).toBeGreaterThanOrEqual(100);
    expect(collide({ ...at, ...size }, box(300, 130))).toBe(false);
  });

  it('goes right of everything when the area near the spot is full', () => {
    const wall = Array.from({ length: 20 }, (_, i) => ({
      x: 0,
      y: i * 100,
      width: 1400,
      height: 100,
    }));
    expect(freePosition({ x: 0, y: 0 }, size, wall)).toEqual({ x: 1420, y: 0 });
  });

  it('places many shapes one after another without any two overlapping', () => {
    const placed: Rect[] = [box(0, 0)];
    for (let i = 0; i < 30; i++) {
      placed.push({ ...freePosition({ x: 0, y: 0 }, size, placed), ...size });
    }
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) {
        expect(collide(a, b)).toBe(false);
      }
    }
  });
});
