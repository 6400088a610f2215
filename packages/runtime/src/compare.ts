import type { ComparisonOperator } from '@junction/process-model';
import { userRegex } from './user-regex.ts';
import { compileWildcard, matchesWildcard } from './wildcard.ts';

function asNumber(text: string): number | undefined {
  if (text.trim() === '') {
    return undefined;
  }
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Route and Decision comparisons (process-semantics.md §3.4). `right` is the pattern
 * for regex and wildcard. Like Java's `String.matches`, a regex must match the whole
 * value. A null value is the empty string. Throws on a regex the linear-time engine
 * refuses. Neither pattern kind backtracks, so no pattern can hang a run.
 */
export function compareValues(left: string, operator: ComparisonOperator, right: string): boolean {
  return compareWith(left, leftNumber(left, operator), operator, right);
}

/**
 * `compareValues` with `left` fixed: Route compares one value with each of its keys,
 * and reads the value as a number once, not once per key (a long value against many
 * keys was keys × length).
 */
export function comparerFor(
  left: string,
  operator: ComparisonOperator,
): (right: string) => boolean {
  const number = leftNumber(left, operator);
  return (right) => compareWith(left, number, operator, right);
}

/** The left side as a number, for the comparisons that may read it as one. */
function leftNumber(left: string, operator: ComparisonOperator): number | undefined {
  return operator === 'regex' || operator === 'wildcard' ? undefined : asNumber(left);
}

/**
 * One comparison, with the left side already read as a number (or not one). Numeric
 * order when both sides parse as numbers, else lexical (code-unit) order; the right
 * side is read as a number only when the left is one.
 */
function compareWith(
  left: string,
  leftAsNumber: number | undefined,
  operator: ComparisonOperator,
  right: string,
): boolean {
  switch (operator) {
    case 'regex':
      return userRegex(right).testExact(left);
    case 'wildcard':
      return matchesWildcard(left, compileWildcard(right));
    case 'not-equals':
      return !compareWith(left, leftAsNumber, 'equals', right);
  }
  const rightAsNumber = leftAsNumber === undefined ? undefined : asNumber(right);
  if (operator === 'equals') {
    return rightAsNumber === undefined ? left === right : leftAsNumber === rightAsNumber;
  }
  const order =
    rightAsNumber !== undefined
      ? (leftAsNumber as number) - rightAsNumber
      : left < right
        ? -1
        : left > right
          ? 1
          : 0;
  switch (operator) {
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
    case 'lt':
      return order < 0;
    case 'le':
      return order <= 0;
  }
}
