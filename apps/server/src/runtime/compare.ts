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

/** Numeric order when both sides parse as numbers, else lexical (code-unit) order. */
function order(left: string, right: string): number {
  const a = asNumber(left);
  const b = asNumber(right);
  if (a !== undefined && b !== undefined) {
    return a - b;
  }
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Route and Decision comparisons (process-semantics.md §3.4). `right` is the pattern
 * for regex and wildcard. Like Java's `String.matches`, a regex must match the whole
 * value. A null value is the empty string. Throws on a regex the linear-time engine
 * refuses. Neither pattern kind backtracks, so no pattern can hang a run.
 */
export function compareValues(left: string, operator: ComparisonOperator, right: string): boolean {
  switch (operator) {
    case 'equals':
      return asNumber(left) !== undefined && asNumber(right) !== undefined
        ? order(left, right) === 0
        : left === right;
    case 'not-equals':
      return !compareValues(left, 'equals', right);
    case 'gt':
      return order(left, right) > 0;
    case 'ge':
      return order(left, right) >= 0;
    case 'lt':
      return order(left, right) < 0;
    case 'le':
      return order(left, right) <= 0;
    case 'regex':
      return userRegex(right).testExact(left);
    case 'wildcard':
      return matchesWildcard(left, compileWildcard(right));
  }
}
