import { Cron as Croner, type CronOptions } from 'croner';

/**
 * A checked cron expression. The rules and the time-zone arithmetic are croner's:
 * a hand-written matcher got daylight-saving days wrong (a skipped or doubled run
 * twice a year), and that is exactly the part worth taking from a maintained library.
 */
export interface Cron {
  readonly expression: string;
}

const OPTIONS: CronOptions = {
  // Never scheduled by croner itself: the scheduler only asks it for times.
  paused: true,
  // Five fields (minute hour day-of-month month day-of-week) or a nickname such as
  // @daily; croner's seconds and years fields would be a second, surprising dialect.
  mode: '5-part',
  // Vixie cron's rule, as in every standard cron: when both day fields are
  // restricted, a day matching either one fires (`0 0 13 * 5` = the 13th and Fridays).
  domAndDow: false,
  // Vixie cron's daylight-saving rule: a job whose minute and hour fields have no
  // wildcard or step is a fixed-time job. Its time inside a spring-forward gap runs
  // once at the first valid time after the gap (never a skipped day), and a time that
  // occurs twice at fall-back runs only on its first occurrence. Wildcard jobs
  // (`*/5 * * * *`) follow the clock as it is.
  fixedTimeRule: 'no-wildcard',
  // `5/20` (from 5 in steps of 20) was accepted before croner; deployed schedules keep working.
  sloppyRanges: true,
};

const HELP =
  'Use five fields (minute hour day-of-month month day-of-week), e.g. "30 2 * * MON-FRI", or @hourly, @daily, @weekly, @monthly, @yearly.';

function schedule(expression: string, timeZone?: string): Croner {
  return new Croner(
    expression,
    timeZone === undefined ? OPTIONS : { ...OPTIONS, timezone: timeZone },
  );
}

/** Checks an expression; throws an Error whose message says what is wrong and what is expected. */
export function parseCron(expression: string): Cron {
  const trimmed = expression.trim();
  let parsed: Croner;
  try {
    parsed = schedule(trimmed, 'UTC');
  } catch (error) {
    const reason = (error as Error).message.replace(/^CronPattern:\s*/, '').replace(/\.$/, '');
    throw new Error(`Cron "${trimmed}" is not valid: ${reason}. ${HELP}`);
  }
  // A day that never comes (`0 0 30 2 *`) parses, but a schedule that never fires is a mistake.
  if (parsed.nextRun() === null) {
    throw new Error(`Cron "${trimmed}" never fires: no date matches it.`);
  }
  return { expression: trimmed };
}

/** Whether the runtime knows the IANA time zone (Intl throws a RangeError for one it does not). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Every run time in (after, until], oldest first, on the wall clock of `timeZone`.
 * Each is a whole minute, so the scheduler's unique (schedule, tick) row is the same
 * instant on every server that computes it.
 */
export function cronTicks(cron: Cron, timeZone: string, after: Date, until: Date): Date[] {
  const job = schedule(cron.expression, timeZone);
  const ticks: Date[] = [];
  for (let next = job.nextRun(after); next !== null && next <= until; next = job.nextRun(next)) {
    ticks.push(next);
  }
  return ticks;
}
