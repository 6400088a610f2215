import { describe, expect, it } from 'vitest';
import { formatDate } from './date-format.ts';
import { parseDate } from './date-parse.ts';

const iso = (text: string, mask?: string) => parseDate(text, mask)?.toISOString() ?? null;

describe('parseDate without a mask (ISO 8601)', () => {
  it('refuses text that only contains a date or a number', () => {
    expect(parseDate('1')).toBeNull();
    expect(parseDate('foo 2020')).toBeNull();
    expect(parseDate('2020')).toBeNull();
    expect(parseDate('2026-01-02 ')).toBeNull();
    expect(parseDate('Jan 2, 2026')).toBeNull();
  });

  it('refuses days that do not exist, and out-of-range fields', () => {
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('2026-04-31')).toBeNull();
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('2026-00-10')).toBeNull();
    expect(parseDate('2026-01-00')).toBeNull();
    expect(parseDate('2026-01-02T24:00:00Z')).toBeNull();
    expect(parseDate('2026-01-02T23:60:00Z')).toBeNull();
    expect(parseDate('2026-01-02T23:59:60Z')).toBeNull();
  });

  it('knows leap years: every 4th, not every 100th, every 400th', () => {
    expect(iso('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('1900-02-29')).toBeNull();
    expect(iso('2000-02-29')).toBe('2000-02-29T00:00:00.000Z');
  });

  it('reads dates and date-times, with or without an offset', () => {
    expect(iso('2026-01-02')).toBe('2026-01-02T00:00:00.000Z');
    expect(iso('2026-01-02T03:04:05')).toBe('2026-01-02T03:04:05.000Z');
    expect(iso('2026-01-02T03:04:05Z')).toBe('2026-01-02T03:04:05.000Z');
    expect(iso('2026-01-02T03:04:05.006Z')).toBe('2026-01-02T03:04:05.006Z');
    expect(iso('2026-01-02T03:04:05+02:00')).toBe('2026-01-02T01:04:05.000Z');
    expect(iso('2026-01-02T03:04:05.006-0130')).toBe('2026-01-02T04:34:05.006Z');
    expect(parseDate('2026-01-02T03:04')).toBeNull();
    expect(parseDate('2026-01-02T03:04:05+25:00')).toBeNull();
  });
});

describe('parseDate with a mask', () => {
  it('reads yyyy-MM-dd, MM/dd/yyyy and yyyyMMdd HHmmss.SSS, the whole text and no more', () => {
    expect(iso('2026-01-02', 'yyyy-MM-dd')).toBe('2026-01-02T00:00:00.000Z');
    expect(parseDate('2026-1-2', 'yyyy-MM-dd')).toBeNull();
    expect(parseDate('2026-01-02T00:00:00Z', 'yyyy-MM-dd')).toBeNull();
    expect(iso('02/29/2024', 'MM/dd/yyyy')).toBe('2024-02-29T00:00:00.000Z');
    expect(parseDate('02/29/2026', 'MM/dd/yyyy')).toBeNull();
    expect(parseDate('2026-02-01', 'MM/dd/yyyy')).toBeNull();
    expect(iso('20260102 030405.006', 'yyyyMMdd HHmmss.SSS')).toBe('2026-01-02T03:04:05.006Z');
    expect(parseDate('20260230 030405.006', 'yyyyMMdd HHmmss.SSS')).toBeNull();
    expect(parseDate('20260102 030405.06', 'yyyyMMdd HHmmss.SSS')).toBeNull();
  });

  it('reads one-letter fields as one or two digits, yy as 20yy', () => {
    expect(iso('1/2/26 3', 'M/d/yy H')).toBe('2026-01-02T03:00:00.000Z');
    expect(iso('12/31/99 23', 'M/d/yy H')).toBe('2099-12-31T23:00:00.000Z');
    expect(iso('2/29/00', 'M/d/yy')).toBe('2000-02-29T00:00:00.000Z');
    expect(parseDate('123/1/26', 'M/d/yy')).toBeNull();
  });

  it('reads quoted literals and the Z and X offsets', () => {
    expect(iso("2026-01-02'03", "yyyy-MM-dd''HH")).toBe('2026-01-02T03:00:00.000Z');
    expect(iso("at 03 o'clock", "'at' HH 'o''clock'")).toBe('1970-01-01T03:00:00.000Z');
    expect(iso('2026-01-02 03:04 +0100', 'yyyy-MM-dd HH:mm Z')).toBe('2026-01-02T02:04:00.000Z');
    expect(parseDate('2026-01-02 03:04 +01:00', 'yyyy-MM-dd HH:mm Z')).toBeNull();
    expect(iso('2026-01-02T03:04Z', "yyyy-MM-dd'T'HH:mmX")).toBe('2026-01-02T03:04:00.000Z');
  });

  it('reads back what formatDate writes, for each supported field', () => {
    const at = new Date('2024-02-29T13:04:05.006Z');
    const mask = "yyyy-MM-dd'T'HH:mm:ss.SSSX yy M d H Z";
    expect(parseDate(formatDate(at, mask), mask)?.toISOString()).toBe(at.toISOString());
  });

  it('refuses everything under an invalid mask', () => {
    expect(parseDate('2026-01-02', 'yyyy-QQ-dd')).toBeNull();
    expect(parseDate('x', "'x")).toBeNull();
  });

  it('reads one-letter fields side by side, and answers at once on a long run of digits', () => {
    expect(parseDate('1231', 'Md')?.toISOString()).toBe('1970-12-31T00:00:00.000Z');
    expect(parseDate('12', 'Md')?.toISOString()).toBe('1970-01-02T00:00:00.000Z');
    // A backtracking engine tries every split of the digits among 80 fields: it did not
    // answer this within minutes (28 fields took 7.5 s). The linear-time one answers at once.
    expect(parseDate(`${'1'.repeat(100)}x`, 'Md'.repeat(40))).toBeNull();
    // A value that matches is read in time growing faster than the mask: masks stop at 100.
    expect(parseDate('1'.repeat(100), 'Md'.repeat(50))?.toISOString()).toBe(
      '1970-01-01T00:00:00.000Z',
    );
    expect(parseDate('1'.repeat(102), 'Md'.repeat(51))).toBeNull();
  });

  it('tells no mask (ISO 8601) from an empty one, however often each is read', () => {
    for (let i = 0; i < 2; i++) {
      expect(parseDate('2026-01-02')?.toISOString()).toBe('2026-01-02T00:00:00.000Z');
      expect(parseDate('2026-01-02', '')).toBeNull();
      expect(parseDate('', '')?.toISOString()).toBe('1970-01-01T00:00:00.000Z');
    }
  });
});
