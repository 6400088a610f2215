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

  it('moves below a shape that covers the preferred spot', () => {
    const at = freePosition({ x: 240, y: 100 }, size, [box(240, 100)]);
    expect(at.x).toBe(240);
    expect(at.y).toBeGreaterThanOrEqual(100 + size.height);
  });

  it('also avoids shapes that only partly cover the spot', () => {
    const at = freePosition({ x: 240, y: 100 }, size, [box(300, 130)]);
    expect(collide({ ...at, ...size }, box(300, 130))).toBe(false);
  });

  it('goes to the next column when a column is full', () => {
    const wall = Array.from({ length: 40 }, (_, i) => box(0, i * 50));
    const at = freePosition({ x: 0, y: 0 }, size, wall);
    expect(at.x).toBeGreaterThan(size.width);
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
