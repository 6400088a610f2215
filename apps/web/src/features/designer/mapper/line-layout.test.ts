import { describe, expect, it } from 'vitest';
import { FIELD_ROW_HEIGHT, layoutLines } from './line-layout.ts';

const H = FIELD_ROW_HEIGHT;

describe('layoutLines', () => {
  it('joins the centres of the source and target field rows', () => {
    expect(layoutLines([{ from: 'b', to: 'x' }], ['a', 'b'], ['x'])).toEqual([
      { row: 0, y1: H * 1.5, y2: H / 2, labelY: H },
    ]);
  });

  it('draws no line for a row whose field is on neither list', () => {
    expect(layoutLines([{ from: 'gone', to: 'x' }], ['a'], ['x'])).toEqual([]);
  });

  it('pushes apart labels that would overlap, keeping row numbers', () => {
    const lines = layoutLines(
      [
        { from: 'a', to: 'x' },
        { from: 'a', to: 'x' },
      ],
      ['a'],
      ['x'],
    );
    expect(lines.map((l) => l.row)).toEqual([0, 1]);
    expect((lines[1]?.labelY ?? 0) - (lines[0]?.labelY ?? 0)).toBeGreaterThanOrEqual(H * 0.75);
  });
});
