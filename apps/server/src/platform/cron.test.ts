import { describe, expect, it } from 'vitest';
import { cronTicks, isTimeZone, parseCron } from './cron.ts';

/** The run times of `expression` in (from, until], as ISO strings. */
function ticks(expression: string, timeZone: string, from: string, until: string): string[] {
  return cronTicks(parseCron(expression), timeZone, new Date(from), new Date(until)).map((t) =>
    t.toISOString(),
  );
}

describe('cron', () => {
  it('lists the ticks in a window, excluding its start', () => {
    expect(ticks('*/10 * * * *', 'UTC', '2026-01-01T00:00:00Z', '2026-01-01T00:30:30Z')).toEqual([
      '2026-01-01T00:10:00.000Z',
      '2026-01-01T00:20:00.000Z',
      '2026-01-01T00:30:00.000Z',
    ]);
  });

  it('reads the wall clock of the time zone', () => {
    // 09:00 in Berlin in July is 07:00 UTC (CEST = UTC+2).
    expect(
      ticks('0 9 * * *', 'Europe/Berlin', '2026-07-01T00:00:00Z', '2026-07-02T00:00:00Z'),
    ).toEqual(['2026-07-01T07:00:00.000Z']);
  });

  it('runs 02:30 Berlin once on the spring-forward day, at the first time after the gap', () => {
    // On 2026-03-29 the clock jumps from 02:00 to 03:00: 02:30 does not exist.
    expect(
      ticks('30 2 * * *', 'Europe/Berlin', '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z'),
    ).toEqual([
      '2026-03-28T01:30:00.000Z', // 02:30 CET
      '2026-03-29T01:00:00.000Z', // 03:00 CEST, the first valid time after the gap
      '2026-03-30T00:30:00.000Z', // 02:30 CEST
    ]);
  });

  it('runs 02:30 Berlin once on the fall-back day, on its first occurrence', () => {
    // On 2026-10-25 the clock goes from 03:00 back to 02:00: 02:30 happens twice.
    expect(
      ticks('30 2 * * *', 'Europe/Berlin', '2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z'),
    ).toEqual([
      '2026-10-24T00:30:00.000Z', // 02:30 CEST
      '2026-10-25T00:30:00.000Z', // 02:30 CEST, the first; 02:30 CET is not a second run
      '2026-10-26T01:30:00.000Z', // 02:30 CET
    ]);
    // A server that starts looking after the first 02:30 does not run the second one.
    expect(
      ticks('30 2 * * *', 'Europe/Berlin', '2026-10-25T01:00:00Z', '2026-10-25T02:00:00Z'),
    ).toEqual([]);
  });

  it('keeps interval jobs on the clock across the change: every half hour stays every half hour', () => {
    expect(
      ticks('*/30 * * * *', 'Europe/Berlin', '2026-10-25T00:00:00Z', '2026-10-25T01:30:00Z'),
    ).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T01:00:00.000Z', '2026-10-25T01:30:00.000Z']);
  });

  it('knows weekday and month names, ranges of them and nicknames', () => {
    // 2026-03-06 is a Friday: the next weekday runs are Friday and Monday.
    expect(ticks('0 9 * * MON-FRI', 'UTC', '2026-03-06T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual(
      ['2026-03-06T09:00:00.000Z', '2026-03-09T09:00:00.000Z'],
    );
    expect(ticks('0 0 1 JAN *', 'UTC', '2026-03-01T00:00:00Z', '2028-01-01T00:00:00Z')).toEqual([
      '2027-01-01T00:00:00.000Z',
      '2028-01-01T00:00:00.000Z',
    ]);
    expect(ticks('@daily', 'UTC', '2026-03-05T12:00:00Z', '2026-03-07T00:00:00Z')).toEqual([
      '2026-03-06T00:00:00.000Z',
      '2026-03-07T00:00:00.000Z',
    ]);
    expect(ticks('@hourly', 'UTC', '2026-03-05T12:00:00Z', '2026-03-05T14:00:00Z')).toEqual([
      '2026-03-05T13:00:00.000Z',
      '2026-03-05T14:00:00.000Z',
    ]);
    expect(ticks('0 0 * * 7', 'UTC', '2026-01-01T00:00:00Z', '2026-01-05T00:00:00Z')).toEqual([
      '2026-01-04T00:00:00.000Z', // 7 is Sunday, as 0 is
    ]);
  });

  it('uses either day field when both are restricted, as Vixie cron does', () => {
    // The 13th, or any Friday: Jan 2, 9, 13 (a Tuesday) and 16.
    expect(ticks('0 0 13 * 5', 'UTC', '2026-01-01T00:00:00Z', '2026-01-16T00:00:00Z')).toEqual([
      '2026-01-02T00:00:00.000Z',
      '2026-01-09T00:00:00.000Z',
      '2026-01-13T00:00:00.000Z',
      '2026-01-16T00:00:00.000Z',
    ]);
  });

  it('keeps the steps from a start value that schedules were saved with', () => {
    expect(ticks('5/20 * * * *', 'UTC', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z')).toEqual([
      '2026-01-01T00:05:00.000Z',
      '2026-01-01T00:25:00.000Z',
      '2026-01-01T00:45:00.000Z',
    ]);
  });

  it.each([
    ['* * * *', 'exactly five'],
    ['0 0 * * * *', '5 parts'],
    ['61 * * * *', 'minute: 61'],
    ['* 24 * * *', 'hour: 24'],
    ['0 0 * 13 *', 'month'],
    ['a * * * *', 'illegal characters'],
    ['5-1 * * * *', 'larger than'],
    ['*/0 * * * *', 'stepping'],
    ['@sometimes', 'five'],
    ['', 'five'],
  ])('refuses %j, saying why', (expression, reason) => {
    expect(() => parseCron(expression)).toThrow(`Cron "${expression}" is not valid:`);
    expect(() => parseCron(expression)).toThrow(reason);
  });

  it('refuses a schedule that never fires', () => {
    expect(() => parseCron('0 0 30 2 *')).toThrow('Cron "0 0 30 2 *" never fires');
  });

  it('knows time zones', () => {
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
