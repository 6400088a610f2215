import { describe, expect, it } from 'vitest';
import { documentSideLabel } from './document-side-label.ts';

describe('documentSideLabel', () => {
  it('gives no count for a shape still working in a running run', () => {
    expect(documentSideLabel('Out', 0, 'running', 'running')).toBe('Out');
  });

  it('counts a finished shape, in a running run or after', () => {
    expect(documentSideLabel('Out', 12, 'running', 'done')).toBe('Out (12)');
    expect(documentSideLabel('In error', 2, 'complete', 'error')).toBe('In error (2)');
  });

  it('counts a shape a cancel cut off: the run has ended and its counts are final', () => {
    expect(documentSideLabel('In', 7, 'aborted', 'running')).toBe('In (7)');
  });

  it('says 0 for a shape the run never reached', () => {
    expect(documentSideLabel('Out', undefined, 'complete', undefined)).toBe('Out (0)');
  });
});
