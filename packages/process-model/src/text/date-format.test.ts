import { describe, expect, it } from 'vitest';
import { dateFormatProblem, formatDate } from './date-format.ts';

const at = new Date('2026-01-02T03:04:05.006Z');

describe('formatDate', () => {
  it('formats Boomi-style masks in UTC, quoted text literal', () => {
    expect(formatDate(at, 'yyyyMMdd HHmmss.SSS')).toBe('20260102 030405.006');
    expect(formatDate(at, "yy-M-d'T'H 'o''clock'X")).toBe("26-1-2T3 o'clockZ");
    expect(formatDate(at)).toBe('2026-01-02T03:04:05.006Z');
  });

  it('explains a bad mask and falls back to ISO 8601 for it', () => {
    expect(dateFormatProblem('yyyy-MM-dd')).toBeNull();
    expect(dateFormatProblem('yyyy-QQ')).toContain('“QQ”');
    expect(dateFormatProblem("'open")).toBe('a quoted part never ends');
    expect(formatDate(at, 'QQ')).toBe('2026-01-02T03:04:05.006Z');
  });
});
