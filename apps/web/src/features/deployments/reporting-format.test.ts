import { describe, expect, it } from 'vitest';
import { formatElapsed } from './reporting-format.ts';

describe('formatElapsed', () => {
  it('shows milliseconds under a second', () => {
    expect(formatElapsed(0)).toBe('0 ms');
    expect(formatElapsed(999)).toBe('999 ms');
    expect(formatElapsed(12.6)).toBe('13 ms');
  });

  it('shows tenths of a second under a minute, never rounding up to 60', () => {
    expect(formatElapsed(1000)).toBe('1.0 s');
    expect(formatElapsed(12_345)).toBe('12.3 s');
    expect(formatElapsed(59_999)).toBe('59.9 s');
  });

  it('shows minutes and seconds, then hours and minutes', () => {
    expect(formatElapsed(60_000)).toBe('1 min 00 s');
    expect(formatElapsed(245_000)).toBe('4 min 05 s');
    expect(formatElapsed(3_600_000)).toBe('1 h 00 min');
    expect(formatElapsed(3_725_000)).toBe('1 h 02 min');
  });

  it('shows a dash while there is no duration (running) or a nonsense one', () => {
    expect(formatElapsed(null)).toBe('—');
    expect(formatElapsed(-5)).toBe('—');
    expect(formatElapsed(Number.NaN)).toBe('—');
  });
});
