import jsonata from 'jsonata';

/**
 * What jsonata's own time limit cannot see. Its guardrail runs when an expression
 * node starts, so a built-in that works long inside one call is never
 * interrupted: `$string([1..10000000])` blocked the server for 46 s. Each piece
 * here bounds one call's work instead — ranges and `$append` are capped, the
 * quadratic built-ins are replaced, and `$string` checks the clock as it goes —
 * without touching how ordinary nodes evaluate. (jsonata's `sequence` option
 * would cap sequences too, but it slows every path step by about 15 %.)
 */

/**
 * Most items a range `[a..b]` or `$append` may produce. A million items take a
 * fraction of a second in any built-in; larger arrays can only come from the
 * document itself, whose size is limited elsewhere.
 */
export const MAX_ITEMS = 1_000_000;

/** Variable the range operator is rewritten to call (see capRanges). */
const RANGE = '__junctionRange';

interface AstNode {
  type?: string;
  value?: unknown;
  position?: number;
  lhs?: unknown;
  rhs?: unknown;
}

/**
 * Rewrites every `a..b` in a compiled expression's AST into a call of the capped
 * range below. jsonata evaluates the AST it returns from `ast()`, so the change is
 * made once per compile and costs nothing per document.
 */
export function capRanges(ast: unknown, seen = new WeakSet<object>()): void {
  if (typeof ast !== 'object' || ast === null || ast instanceof RegExp || seen.has(ast)) {
    return;
  }
  seen.add(ast);
  for (const child of Object.values(ast)) {
    capRanges(child, seen);
  }
  const node = ast as AstNode;
  if (node.type === 'binary' && node.value === '..') {
    const { lhs, rhs } = node;
    delete node.lhs;
    delete node.rhs;
    Object.assign(node, {
      type: 'function',
      value: '(',
      procedure: { type: 'variable', value: RANGE, position: node.position },
      arguments: [lhs, rhs],
    });
  }
}

/** jsonata's range operator, refusing more than MAX_ITEMS before allocating them. */
function range(lhs: unknown, rhs: unknown): number[] | undefined {
  if (lhs !== undefined && !Number.isInteger(lhs)) {
    throw { code: 'T2003', value: lhs };
  }
  if (rhs !== undefined && !Number.isInteger(rhs)) {
    throw { code: 'T2004', value: rhs };
  }
  if (typeof lhs !== 'number' || typeof rhs !== 'number' || lhs > rhs) {
    return undefined;
  }
  const size = rhs - lhs + 1;
  if (size > MAX_ITEMS) {
    throw { code: 'D2014', value: size };
  }
  const result = Array.from({ length: size }, (_, i) => lhs + i);
  return Object.assign(result, { sequence: true });
}

interface BuiltIn {
  implementation: (this: Focus, ...args: unknown[]) => unknown;
}

/** What jsonata passes as `this` to a built-in. */
interface Focus {
  environment?: { base?: { guardrails?: () => void } };
  createSequence?: () => unknown[];
}

const builtIn = async (name: string) => (await jsonata(`$${name}`).evaluate(undefined)) as BuiltIn;

const original = {
  sort: await builtIn('sort'),
  distinct: await builtIn('distinct'),
  string: await builtIn('string'),
  append: await builtIn('append'),
};

/** jsonata's time limit, checked from inside a long built-in. */
function checkClock(focus: Focus): void {
  focus.environment?.base?.guardrails?.();
}

/**
 * `$sort` without a function merges with `slice(1)` per step (quadratic: 30,000
 * numbers ran out of memory). The engine's sort is stable and ascending like it.
 * With a function, or with mixed types (which jsonata refuses), jsonata's own
 * runs: each comparison there evaluates the function, where the clock is checked.
 */
async function sort(this: Focus, array: unknown, comparator?: unknown): Promise<unknown> {
  if (comparator !== undefined || !Array.isArray(array) || !isSortable(array)) {
    return original.sort.implementation.call(this, array, comparator);
  }
  return [...array].sort((a, b) => (a > b ? 1 : a < b ? -1 : 0));
}

function isSortable(array: unknown[]): boolean {
  return (
    array.length > 1 &&
    (array.every((item) => typeof item === 'number') ||
      array.every((item) => typeof item === 'string'))
  );
}

/**
 * `$distinct` compares every item with every kept one (100,000 numbers: 17 s in
 * one call). Scalars go through a Set; structures are still compared pairwise,
 * as only deep equality can say, with the clock checked as it goes.
 */
function distinct(this: Focus, array: unknown): unknown {
  if (!Array.isArray(array) || array.length <= 1) {
    return original.distinct.implementation.call(this, array);
  }
  const sequence = (array as { sequence?: boolean }).sequence === true;
  const result = sequence && this.createSequence ? this.createSequence() : [];
  const scalars = new Set<unknown>();
  const structures: unknown[] = [];
  for (const item of array) {
    if (typeof item !== 'object' || item === null) {
      if (!scalars.has(item)) {
        scalars.add(item);
        result.push(item);
      }
    } else {
      checkClock(this);
      if (!structures.some((kept) => deepEqual(kept, item))) {
        structures.push(item);
        result.push(item);
      }
    }
  }
  return result;
}

/** jsonata's equality: arrays item by item, objects by the same keys in any order. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => deepEqual(item, b[i]))
    );
  }
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const keys = Object.getOwnPropertyNames(a);
  return (
    keys.length === Object.getOwnPropertyNames(b).length &&
    keys.every((key) => Object.hasOwn(bRecord, key) && deepEqual(aRecord[key], bRecord[key]))
  );
}

/** Values `$string` writes between clock checks: a few milliseconds of work. */
const VALUES_PER_CHECK = 10_000;

/**
 * `$string` of a structure is one JSON.stringify with a replacer per value; the
 * replacer here is jsonata's (15 significant digits, functions as "") plus a
 * clock check, so a huge structure stops at the time limit instead of running on.
 */
function string(this: Focus, value: unknown, prettify?: unknown): unknown {
  if (typeof value !== 'object' || value === null || isFunction(value)) {
    return original.string.implementation.call(this, value, prettify);
  }
  const root = Array.isArray(value) && 'outerWrapper' in value ? value[0] : value;
  let written = 0;
  return JSON.stringify(
    root,
    (_key, item: unknown) => {
      written += 1;
      if (written % VALUES_PER_CHECK === 0) {
        checkClock(this);
      }
      return jsonataValue(item);
    },
    prettify === true ? 2 : 0,
  );
}

function jsonataValue(item: unknown): unknown {
  if (typeof item === 'number' && !Number.isNaN(item)) {
    if (!Number.isFinite(item)) {
      throw { code: 'D1001', value: item };
    }
    return Number.isInteger(item) ? item : Number(item.toPrecision(15));
  }
  return item && isFunction(item) ? '' : item;
}

function isFunction(value: unknown): boolean {
  if (typeof value === 'function') {
    return true;
  }
  const marks = value as { _jsonata_function?: boolean; _jsonata_lambda?: boolean } | null;
  return marks?._jsonata_function === true || marks?._jsonata_lambda === true;
}

/** `$append` could double an array per call past any range cap. */
function append(this: Focus, first: unknown, second: unknown): unknown {
  const size = lengthOf(first) + lengthOf(second);
  if (size > MAX_ITEMS) {
    throw { code: 'D2014', value: size };
  }
  return original.append.implementation.call(this, first, second);
}

function lengthOf(value: unknown): number {
  return Array.isArray(value) ? value.length : value === undefined ? 0 : 1;
}

/**
 * The replacements, assigned over the built-ins of the same name once per
 * compiled expression. They keep the originals' signatures, so arguments are
 * checked exactly as before.
 */
export const GUARDED_BUILT_INS: Readonly<Record<string, unknown>> = {
  [RANGE]: range,
  sort: { ...original.sort, implementation: sort },
  distinct: { ...original.distinct, implementation: distinct },
  string: { ...original.string, implementation: string },
  append: { ...original.append, implementation: append },
};
