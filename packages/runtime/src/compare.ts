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
  return comparerFor(left, operator)(right);
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
  if (operator === 'regex') {
    return (right) => userRegex(right).testExact(left);
  }
  if (operator === 'wildcard') {
    return (right) => matchesWildcard(left, compileWildcard(right));
  }
  const leftNumber = asNumber(left);
  // Both sides as numbers when both parse; the right side is read only if the left did.
  const rightNumber = (right: string) => (leftNumber === undefined ? undefined : asNumber(right));
  const equal = (right: string): boolean => {
    const r = rightNumber(right);
    return r === undefined ? left === right : leftNumber === r;
  };
  // Numeric order when both sides parse as numbers, else lexical (code-unit) order.
  const order = (right: string): number => {
    const r = rightNumber(right);
    if (r !== undefined) {
      return (leftNumber as number) - r;
    }
    return left < right ? -1 : left > right ? 1 : 0;
  };
  switch (operator) {
    case 'equals':
      return equal;
    case 'not-equals':
      return (right) => !equal(right);
    case 'gt':
      return (right) => order(right) > 0;
    case 'ge':
      return (right) => order(right) >= 0;
    case 'lt':
      return (right) => order(right) < 0;
    case 'le':
      return (right) => order(right) <= 0;
  }
}
