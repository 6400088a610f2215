import { describe, expect, it } from 'vitest';
import { everyShapeProcess } from '../fixtures/every-shape.ts';
import { trackedSide } from './tracked-side.ts';

describe('trackedSide', () => {
  const process = everyShapeProcess();
  const connector = Object.values(process.shapes).find((s) => s.kind === 'connector');

  it('follows a connector’s Tracking Direction: input is the request side, output the response', () => {
    if (connector?.kind !== 'connector') {
      throw new Error('the fixture has a connector shape');
    }
    const as = (trackingDirection: 'input' | 'output') =>
      trackedSide({ ...connector, config: { ...connector.config, trackingDirection } });
    expect(as('input')).toBe('in');
    expect(as('output')).toBe('out');
  });

  it('tracks what Start produces, whatever its mode, and nothing at other shapes', () => {
    expect(trackedSide({ kind: 'start', label: '', config: { mode: 'passthrough' } })).toBe('out');
    expect(trackedSide({ kind: 'stop', label: '', config: { endAndReturn: false } })).toBe(
      undefined,
    );
  });
});
