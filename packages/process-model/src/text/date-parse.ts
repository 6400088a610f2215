import { RE2JS } from 're2js';
import { tokenizeDateMask } from './date-format.ts';

/*
 * Strict parsing against the same Boomi/Java masks that formatDate writes. Written
 * by hand rather than through date-fns or Luxon because their tokens only look
 * alike: Luxon's `X` is Unix seconds where Java's is an ISO offset, its `Z` is
 * `+5`, and date-fns reads `MM` as one or two digits. A translation layer would be
 * longer than this and would still need the strictness checks below; this way one
 * tokenizer serves both directions and a mask means the same thing in both.
 */

type Parts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes: number;
};

type Field = {
  /** What the field's text must look like, with one capture group. */
  pattern: string;
  /** Stores the captured text; false when it is out of range. */
  read: (parts: Parts, text: string) => boolean;
};

function inRange(n: number, min: number, max: number): boolean {
  return n >= min && n <= max;
}

function setter(key: keyof Parts, min: number, max: number): Field['read'] {
  return (parts, text) => {
    parts[key] = Number(text);
    return inRange(parts[key], min, max);
  };
}

/** `Z`, `±HH`, `±HHmm` or `±HH:mm`, as minutes east of UTC. */
function readOffset(parts: Parts, text: string): boolean {
  if (text === 'Z') {
    parts.offsetMinutes = 0;
    return true;
  }
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  parts.offsetMinutes = (text.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  return inRange(hours, 0, 23) && inRange(minutes, 0, 59);
}

/*
 * Numeric fields have the mask's width exactly (`MM` is `01`, never `1`); one-letter
 * `M`, `d` and `H` take one or two digits, as Java prints them. `yy` is 20yy: Java
 * puts it within 80 years before and 20 after today, and 19yy and 20yy have the same
 * leap years except 1900 and 2000, where Java picks 2000 too.
 */
const FIELDS: Readonly<Record<string, Field>> = {
  yyyy: { pattern: '(\\d{4})', read: setter('year', 1, 9999) },
  yy: { pattern: '(\\d{2})', read: (p, t) => setter('year', 2000, 2099)(p, `20${t}`) },
  MM: { pattern: '(\\d{2})', read: setter('month', 1, 12) },
  M: { pattern: '(\\d{1,2})', read: setter('month', 1, 12) },
  dd: { pattern: '(\\d{2})', read: setter('day', 1, 31) },
  d: { pattern: '(\\d{1,2})', read: setter('day', 1, 31) },
  HH: { pattern: '(\\d{2})', read: setter('hour', 0, 23) },
  H: { pattern: '(\\d{1,2})', read: setter('hour', 0, 23) },
  mm: { pattern: '(\\d{2})', read: setter('minute', 0, 59) },
  ss: { pattern: '(\\d{2})', read: setter('second', 0, 59) },
  SSS: { pattern: '(\\d{3})', read: setter('millisecond', 0, 999) },
  Z: { pattern: '([+-]\\d{4})', read: readOffset },
  X: { pattern: '(Z|[+-]\\d{2}(?::?\\d{2})?)', read: readOffset },
};

/**
 * Without a mask a date is ISO 8601 as JSON writers produce it: a date, or a date
 * and time to the second or millisecond, with or without an offset.
 */
export const ISO_DATE_MASKS: readonly string[] = [
  'yyyy-MM-dd',
  "yyyy-MM-dd'T'HH:mm:ss",
  "yyyy-MM-dd'T'HH:mm:ssX",
  "yyyy-MM-dd'T'HH:mm:ss.SSS",
  "yyyy-MM-dd'T'HH:mm:ss.SSSX",
];

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC, so no time zone shifts it.
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

function toDate(parts: Parts): Date {
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  date.setUTCHours(parts.hour, parts.minute - parts.offsetMinutes, parts.second, parts.millisecond);
  return date;
}

/** A strict reader for one mask, tokenized and turned into a pattern once; null for an invalid mask. */
function maskParser(mask: string): ((text: string) => Date | null) | null {
  const tokens = tokenizeDateMask(mask);
  if (typeof tokens === 'string') {
    return null;
  }
  const fields = tokens.flatMap((t) => ('field' in t ? [FIELDS[t.field] as Field] : []));
  const source = tokens
    .map((t) => ('literal' in t ? escapeRegExp(t.literal) : FIELDS[t.field]?.pattern))
    .join('');
  // The linear-time engine: one-letter fields side by side (`MdMd…`) make a
  // backtracking RegExp try every split of a long run of digits, for minutes.
  const pattern = RE2JS.compile(source);
  return (text) => {
    const matcher = pattern.matcher(text);
    if (!matcher.matches()) {
      return null;
    }
    const parts: Parts = {
      year: 1970,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0,
      offsetMinutes: 0,
    };
    const inBounds = fields.every((field, i) => field.read(parts, matcher.group(i + 1) as string));
    if (!inBounds || parts.day > daysInMonth(parts.year, parts.month)) {
      return null;
    }
    return toDate(parts);
  };
}

/**
 * parseDate with the mask prepared once, for code that reads many values with one
 * mask (a Map's parse-date step): the returned function only matches and checks.
 */
export function dateParser(mask?: string): (text: string) => Date | null {
  const parsers = (mask === undefined ? ISO_DATE_MASKS : [mask]).flatMap((m) => {
    const parser = maskParser(m);
    return parser ? [parser] : [];
  });
  return (text) => {
    for (const parser of parsers) {
      const date = parser(text);
      if (date) {
        return date;
      }
    }
    return null;
  };
}

/**
 * Reads `text` as a date written with `mask` (see formatDate), strictly: the whole
 * text must match, every field must be in range and the day must exist in its
 * month. No mask means ISO 8601 (ISO_DATE_MASKS). Null when it is not such a date
 * or the mask is invalid (dateFormatProblem says why).
 */
export function parseDate(text: string, mask?: string): Date | null {
  // No mask (ISO 8601) and an empty mask are different readers.
  const key = mask === undefined ? 'iso' : `mask:${mask}`;
  let parser = cachedParsers.get(key);
  if (parser === undefined) {
    parser = dateParser(mask);
    if (cachedParsers.size >= MAX_CACHED_PARSERS) {
      cachedParsers.clear();
    }
    cachedParsers.set(key, parser);
  }
  return parser(text);
}

// Cleanse reads every document's dates through parseDate: compiling the mask for the
// linear-time engine costs more than matching one date, so parsers are kept, a bounded
// number (masks come from processes, so few differ).
const MAX_CACHED_PARSERS = 200;
const cachedParsers = new Map<string, (text: string) => Date | null>();
