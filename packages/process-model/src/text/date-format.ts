/**
 * Date masks for the `current-date` parameter value and Cleanse's date rule: the
 * subset of Java's SimpleDateFormat letters Boomi users write (`yyyyMMdd HHmmss.SSS`),
 * always in UTC so a run gives the same text wherever the server is. Text in single
 * quotes is literal (`''` is one apostrophe); other non-letters are copied.
 */
const FIELDS: Readonly<Record<string, (d: Date) => string>> = {
  yyyy: (d) => pad(d.getUTCFullYear(), 4),
  yy: (d) => pad(d.getUTCFullYear() % 100, 2),
  MM: (d) => pad(d.getUTCMonth() + 1, 2),
  M: (d) => String(d.getUTCMonth() + 1),
  dd: (d) => pad(d.getUTCDate(), 2),
  d: (d) => String(d.getUTCDate()),
  HH: (d) => pad(d.getUTCHours(), 2),
  H: (d) => String(d.getUTCHours()),
  mm: (d) => pad(d.getUTCMinutes(), 2),
  ss: (d) => pad(d.getUTCSeconds(), 2),
  SSS: (d) => pad(d.getUTCMilliseconds(), 3),
  Z: () => '+0000',
  X: () => 'Z',
};

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Literal text, or a field letter run such as `yyyy` (one of the keys above). */
export type DateMaskToken = { literal: string } | { field: string };

/**
 * The longest mask, as every schema that holds one allows. Checked here too, for a
 * draft run before validation: a longer mask costs its length on every date written,
 * and a parse of many one-letter fields side by side grows faster than that.
 */
export const MAX_DATE_MASK_LENGTH = 100;

/** Splits a mask into literal text and fields; a string says why it is not a mask. */
export function tokenizeDateMask(mask: string): DateMaskToken[] | string {
  if (mask.length > MAX_DATE_MASK_LENGTH) {
    return `it is longer than ${MAX_DATE_MASK_LENGTH} characters`;
  }
  const tokens: DateMaskToken[] = [];
  let i = 0;
  while (i < mask.length) {
    const c = mask.charAt(i);
    if (c === "'") {
      if (mask.charAt(i + 1) === "'") {
        tokens.push({ literal: "'" });
        i += 2;
        continue;
      }
      // Inside quotes, two apostrophes are one literal apostrophe.
      let text = '';
      let j = i + 1;
      for (;;) {
        if (j >= mask.length) {
          return 'a quoted part never ends';
        }
        if (mask.charAt(j) === "'") {
          if (mask.charAt(j + 1) !== "'") {
            break;
          }
          j++;
        }
        text += mask.charAt(j);
        j++;
      }
      tokens.push({ literal: text });
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      tokens.push({ literal: c });
      i++;
      continue;
    }
    let j = i;
    while (mask.charAt(j) === c) {
      j++;
    }
    const run = mask.slice(i, j);
    if (!Object.hasOwn(FIELDS, run)) {
      return `“${run}” is not a supported date field (use yyyy, yy, MM, M, dd, d, HH, H, mm, ss, SSS, Z, X)`;
    }
    tokens.push({ field: run });
    i = j;
  }
  return tokens;
}

/** Why `mask` cannot format or parse a date, or null when it can. */
export function dateFormatProblem(mask: string): string | null {
  const tokens = tokenizeDateMask(mask);
  return typeof tokens === 'string' ? tokens : null;
}

/**
 * Formats `date` with a mask (see above); no mask gives ISO 8601. An invalid mask
 * gives ISO 8601 too: validation reports it, and a run should not fail on it.
 */
export function formatDate(date: Date, mask?: string): string {
  return dateFormatter(mask)(date);
}

/** formatDate with the mask tokenized once, for code that writes many dates with one mask. */
export function dateFormatter(mask?: string): (date: Date) => string {
  const tokens = mask === undefined ? 'none' : tokenizeDateMask(mask);
  if (typeof tokens === 'string') {
    return (date) => date.toISOString();
  }
  const writers = tokens.map((t) => {
    if ('literal' in t) {
      const literal = t.literal;
      return () => literal;
    }
    return FIELDS[t.field] ?? (() => '');
  });
  return (date) => {
    let text = '';
    for (const write of writers) {
      text += write(date);
    }
    return text;
  };
}
