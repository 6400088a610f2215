/**
 * Boomi's wildcard (`*` one or more characters, `?` exactly one, single line),
 * matched by hand instead of through a RegExp: translated to `.+` a pattern like
 * `*a*a*a*a*a*a*a*a*a*a*b` makes the backtracking engine try every split of the
 * value (minutes on 3,000 characters). Here `*` becomes "one character, then any
 * run", and the classic greedy glob match needs only the last star as its single
 * backtrack point: a later star can absorb whatever an earlier one would have, so
 * retrying earlier stars never finds a match the last one missed. That bounds the
 * work by value length × pattern length, with no regex engine involved.
 */

const ANY = -1;
const STAR = -2;

/** Pattern tokens: a UTF-16 code unit to match literally, ANY or STAR. */
export type Wildcard = readonly number[];

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

export function compileWildcard(pattern: string): Wildcard {
  const tokens: number[] = [];
  for (let i = 0; i < pattern.length; i += 1) {
    const code = pattern.charCodeAt(i);
    if (pattern[i] === '*') {
      tokens.push(ANY, STAR);
    } else if (pattern[i] === '?') {
      tokens.push(ANY);
    } else {
      tokens.push(code);
    }
  }
  return tokens;
}

/**
 * True when the whole `value` matches. A value on more than one line never
 * matches, as a RegExp `.` never crossed a line terminator.
 */
export function matchesWildcard(value: string, tokens: Wildcard): boolean {
  if (LINE_TERMINATOR.test(value)) {
    return false;
  }
  let t = 0;
  let v = 0;
  let starToken = -1;
  let starValue = 0;
  while (v < value.length) {
    const token = tokens[t];
    if (token === ANY || token === value.charCodeAt(v)) {
      t += 1;
      v += 1;
    } else if (token === STAR) {
      starToken = t;
      starValue = v;
      t += 1;
    } else if (starToken >= 0) {
      // Let the last star swallow one more character and retry what follows it.
      starValue += 1;
      t = starToken + 1;
      v = starValue;
    } else {
      return false;
    }
  }
  while (tokens[t] === STAR) {
    t += 1;
  }
  return t === tokens.length;
}
