/**
 * Five-field cron (minute hour day-of-month month day-of-week) with `*`, lists,
 * ranges and steps, evaluated in a time zone. Small on purpose: schedules need
 * only "does this minute match", and a dependency would bring far more.
 */
export interface Cron {
  minute: Set<number>;
  hour: Set<number>;
  dayOfMonth: Set<number>;
  month: Set<number>;
  dayOfWeek: Set<number>;
  /** Cron's rule: when both day fields are restricted, either one may match. */
  anyDay: boolean;
}

const FIELDS = [
  ['minute', 0, 59],
  ['hour', 0, 23],
  ['day of month', 1, 31],
  ['month', 1, 12],
  ['day of week', 0, 7],
] as const;

function parseField(text: string, name: string, min: number, max: number): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) {
      throw new Error(`Cron ${name} "${part}" is not a number, range, list or step.`);
    }
    const step = match[4] === undefined ? 1 : Number(match[4]);
    let from = min;
    let to = max;
    if (match[1] !== '*') {
      from = Number(match[2]);
      // "5/15" means from 5 to the end in steps of 15, as in Vixie cron.
      to = match[3] !== undefined ? Number(match[3]) : match[4] !== undefined ? max : from;
    }
    if (step < 1 || from < min || to > max || from > to) {
      throw new Error(`Cron ${name} "${part}" is outside ${min}-${max}.`);
    }
    for (let v = from; v <= to; v += step) {
      values.add(v);
    }
  }
  return values;
}

export function parseCron(expression: string): Cron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) {
    throw new Error(
      `A cron expression has 5 fields (minute hour day month weekday), got ${parts.length}.`,
    );
  }
  const [minute, hour, dayOfMonth, month, dayOfWeek] = FIELDS.map(([name, min, max], i) =>
    parseField(parts[i]!, name, min, max),
  ) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (dayOfWeek.has(7)) {
    dayOfWeek.add(0);
  }
  return {
    minute,
    hour,
    dayOfMonth,
    month,
    dayOfWeek,
    anyDay: parts[2] !== '*' && parts[4] !== '*',
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError for a time zone the runtime does not know. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Whether the minute containing `at` matches, read on the wall clock of `timeZone`. */
export function cronMatches(cron: Cron, at: Date, timeZone: string): boolean {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(at)) {
    parts[p.type] = p.value;
  }
  const day = Number(parts['day']);
  const weekday = WEEKDAYS.indexOf(parts['weekday'] ?? '');
  const dayOk = cron.anyDay
    ? cron.dayOfMonth.has(day) || cron.dayOfWeek.has(weekday)
    : cron.dayOfMonth.has(day) && cron.dayOfWeek.has(weekday);
  return (
    cron.minute.has(Number(parts['minute'])) &&
    cron.hour.has(Number(parts['hour'])) &&
    cron.month.has(Number(parts['month'])) &&
    dayOk
  );
}

const MINUTE = 60_000;

/** Every matching minute start in (after, until], oldest first. */
export function cronTicks(cron: Cron, timeZone: string, after: Date, until: Date): Date[] {
  const ticks: Date[] = [];
  for (
    let t = Math.floor(after.getTime() / MINUTE) * MINUTE + MINUTE;
    t <= until.getTime();
    t += MINUTE
  ) {
    if (cronMatches(cron, new Date(t), timeZone)) {
      ticks.push(new Date(t));
    }
  }
  return ticks;
}
