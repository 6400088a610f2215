import type { DocumentDetail } from '@junction/api';
import { describe, expect, it } from 'vitest';
import { placeToShow } from './document-at-shape.ts';

const appearance = (
  seq: number,
  shapeId: string,
  direction: 'in' | 'out' | 'error',
): DocumentDetail['appearances'][number] => ({
  seq,
  shapeId,
  direction,
  port: null,
  error: null,
  properties: {},
});

// Start (out) -> Shout (in, out) -> Stop (in): the path of one document.
const path = [
  appearance(1, 'start', 'out'),
  appearance(2, 'shout', 'in'),
  appearance(3, 'shout', 'out'),
  appearance(4, 'stop', 'in'),
];

describe('placeToShow', () => {
  it('shows the document as it left an earlier shape, not as it ended', () => {
    expect(placeToShow(path, 'start', 'out')).toEqual({ shape: 'start', direction: 'out' });
    expect(placeToShow(path, 'shout', 'in')).toEqual({ shape: 'shout', direction: 'in' });
  });

  it('takes the side the document had when the panel lists another one', () => {
    // Opened from Shout's Out list, then "Previous shape": Start has only an out side.
    expect(placeToShow(path, 'start', 'in')).toEqual({ shape: 'start', direction: 'out' });
    expect(placeToShow(path, 'shout', 'error')).toEqual({ shape: 'shout', direction: 'out' });
  });

  it('needs no place when the last appearance is the one on show', () => {
    expect(placeToShow(path, 'stop', 'in')).toBeUndefined();
    expect(placeToShow(path, 'stop', 'out')).toBeUndefined();
  });

  it('needs no place for a shape the document never passed (a parent opened from lineage)', () => {
    expect(placeToShow(path, 'split', 'out')).toBeUndefined();
    expect(placeToShow([], 'start', 'out')).toBeUndefined();
  });
});
