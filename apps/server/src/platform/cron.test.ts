import { describe, expect, it } from 'vitest';
import { cronMatches, cronTicks, isTimeZone, parseCron } from './cron.ts';

describe('cron', () => {
  it('parses *, lists, ranges and steps', () => {
    const cron = parseCron('*/15 9-17/4 1,15 * 1-5');
    expect([...cron.minute]).toEqual([0, 15, 30, 45]);
    expect([...cron.hour]).toEqual([9, 13, 17]);
    expect([...cron.dayOfMonth]).toEqual([1, 15]);
    expect(cron.month.size).toBe(12);
    expect([...cron.dayOfWeek]).toEqual([1, 2, 3, 4, 5]);
    expect([...parseCron('5/20 * * * *').minute]).toEqual([5, 25, 45]);
    expect(parseCron('0 0 * * 7').dayOfWeek.has(0)).toBe(true);
  });

  it.each([
    '* * * *',
    '60 * * * *',
    '* 24 * * *',
    '* * 0 * *',
    'a * * * *',
    '5-1 * * * *',
    '*/0 * * * *',
  ])('refuses %s', (expression) => {
    expect(() => parseCron(expression)).toThrow();
  });

  it('matches on the wall clock of the time zone', () => {
    const nineInBerlin = new Date('2026-07-01T07:00:00Z'); // CEST = UTC+2
    expect(cronMatches(parseCron('0 9 * * *'), nineInBerlin, 'Europe/Berlin')).toBe(true);
    expect(cronMatches(parseCron('0 9 * * *'), nineInBerlin, 'UTC')).toBe(false);
    expect(cronMatches(parseCron('0 7 * * 3'), nineInBerlin, 'UTC')).toBe(true); // a Wednesday
  });

  it('uses either day field when both are restricted', () => {
    const cron = parseCron('0 0 13 * 5'); // the 13th, or any Friday
    expect(cronMatches(cron, new Date('2026-01-13T00:00:00Z'), 'UTC')).toBe(true);
    expect(cronMatches(cron, new Date('2026-01-16T00:00:00Z'), 'UTC')).toBe(true);
    expect(cronMatches(cron, new Date('2026-01-14T00:00:00Z'), 'UTC')).toBe(false);
  });

  it('lists the ticks in a window, excluding its start', () => {
    const ticks = cronTicks(
      parseCron('*/10 * * * *'),
      'UTC',
      new Date('2026-01-01T00:00:00Z'),
      new Date('2026-01-01T00:30:30Z'),
    );
    expect(ticks.map((t) => t.toISOString())).toEqual([
      '2026-01-01T00:10:00.000Z',
      '2026-01-01T00:20:00.000Z',
      '2026-01-01T00:30:00.000Z',
    ]);
  });

  it('knows time zones', () => {
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
