import { own } from '@junction/process-model';
import type { RunContext, RunDocument } from '../types.ts';

/**
 * A fast path for the JSONata that Maps mostly hold: object constructors of field
 * paths, arithmetic, comparisons, conditions, `&` and a few string functions.
 *
 * Why: profiling a three-field Map (`{"id": id, "name": $uppercase(name), "total":
 * qty * price}`) put 16 µs per document in the Map, of which jsonata's evaluator
 * took nearly all: every AST node is an `async` call (a promise per node, 23 % of
 * the time in the garbage collector), each node looks up an entry callback through
 * the frame chain and calls the time guardrail (`Date.now()`), and each `evaluate`
 * builds a frame and binds the built-ins. Compilation was already once per shape,
 * the input conversion cheap (0.3 µs) and the guardrails about 13 % — not the cause.
 *
 * So an expression made only of the nodes below is compiled, once, into closures
 * that do the same arithmetic synchronously. Whenever a value is one whose
 * JSONata semantics are subtler than the closure's (arrays and sequences, inherited
 * fields, numbers where text is expected, non-finite results, any error), the
 * closure gives up with FALLBACK and the document is evaluated by jsonata itself,
 * with all its limits. The fast path cannot loop, recurse or build ranges, so its
 * work per document is bounded by the expression's size: it needs no clock.
 */
export const FALLBACK: unique symbol = Symbol('jsonata fallback');

type Value = unknown;
type Fast = (input: Value, scope: Scope) => Value;
export type FastExpression = (input: Value, doc: RunDocument, ctx: RunContext) => Value;

interface Scope {
  root: Value;
  doc: RunDocument;
  ctx: RunContext;
}

/** Thrown while compiling when a node is outside the subset; never seen by callers. */
class Unsupported extends Error {}

type Node = Record<string, unknown>;

/** A node qualifies only with exactly these keys: annotations (predicates, stages…) mean more semantics. */
function shape(node: unknown, type: string, keys: readonly string[]): Node {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    throw new Unsupported();
  }
  const record = node as Node;
  if (record['type'] !== type) {
    throw new Unsupported();
  }
  for (const key of Object.keys(record)) {
    // jsonata leaves some annotations present but undefined (a function call's `name`).
    if (key !== 'type' && key !== 'position' && record[key] !== undefined && !keys.includes(key)) {
      throw new Unsupported();
    }
  }
  return record;
}

const isObject = (value: Value): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A result the closures can hand back as JSONata would: no arrays, no functions, finite numbers. */
function plain(value: Value): Value {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : FALLBACK;
  }
  if (Array.isArray(value) || typeof value === 'function') {
    return FALLBACK;
  }
  return value;
}

/** A name step: an own field of an object; anything else is JSONata's business. */
function nameStep(name: string): Fast {
  return (input) => {
    if (input === undefined) {
      return undefined;
    }
    if (!isObject(input)) {
      return FALLBACK;
    }
    return Object.hasOwn(input, name) ? plain(input[name]) : undefined;
  };
}

function path(node: Node): Fast {
  const steps = node['steps'];
  if (!Array.isArray(steps) || steps.length === 0) {
    throw new Unsupported();
  }
  const fns: Fast[] = steps.map((step: unknown, i) => {
    if (i === 0 && (step as Node)?.['type'] === 'variable') {
      return variable(shape(step, 'variable', ['value']));
    }
    const name = shape(step, 'name', ['value'])['value'];
    if (typeof name !== 'string') {
      throw new Unsupported();
    }
    return nameStep(name);
  });
  return (input, scope) => {
    let current = input;
    for (let i = 0; i < fns.length; i++) {
      current = (fns[i] as Fast)(current, scope);
      if (current === FALLBACK) {
        return FALLBACK;
      }
    }
    return current;
  };
}

function variable(node: Node): Fast {
  if (node['value'] === '') {
    return (input) => input;
  }
  if (node['value'] === '$') {
    return (_input, scope) => scope.root;
  }
  throw new Unsupported();
}

function objectConstructor(node: Node): Fast {
  const pairs = node['lhs'];
  if (!Array.isArray(pairs)) {
    throw new Unsupported();
  }
  const keys: string[] = [];
  const values: Fast[] = [];
  for (const pair of pairs) {
    const key = shape((pair as unknown[])[0], 'string', ['value'])['value'];
    // jsonata assigns keys, so `__proto__` would set a prototype there: leave it to jsonata.
    if (typeof key !== 'string' || key === '__proto__' || keys.includes(key)) {
      throw new Unsupported();
    }
    keys.push(key);
    values.push(compileNode((pair as unknown[])[1]));
  }
  return (input, scope) => {
    if (!isObject(input)) {
      return FALLBACK;
    }
    const result: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const value = (values[i] as Fast)(input, scope);
      if (value === FALLBACK || (isObject(value) && value !== input && !isPlainResult(value))) {
        return FALLBACK;
      }
      if (value !== undefined) {
        result[keys[i] as string] = value;
      }
    }
    return result;
  };
}

/** Objects the fast path itself built or read from the document are safe to place. */
const isPlainResult = (value: Record<string, unknown>) =>
  Object.getPrototypeOf(value) === Object.prototype;

const ARITHMETIC: Readonly<Record<string, (a: number, b: number) => number>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
};

const ORDER: Readonly<Record<string, (a: number | string, b: number | string) => boolean>> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

function binary(node: Node): Fast {
  const op = node['value'] as string;
  const lhs = compileNode(node['lhs']);
  const rhs = compileNode(node['rhs']);
  const arithmetic = ARITHMETIC[op];
  if (arithmetic) {
    return (input, scope) => {
      const a = lhs(input, scope);
      const b = rhs(input, scope);
      if (a === FALLBACK || b === FALLBACK) {
        return FALLBACK;
      }
      if (a === undefined || b === undefined) {
        // jsonata checks types first: a text operand is an error even beside a missing one.
        return (a === undefined || typeof a === 'number') &&
          (b === undefined || typeof b === 'number')
          ? undefined
          : FALLBACK;
      }
      return typeof a === 'number' && typeof b === 'number' ? plain(arithmetic(a, b)) : FALLBACK;
    };
  }
  const order = ORDER[op];
  if (order) {
    return (input, scope) => {
      const a = lhs(input, scope);
      const b = rhs(input, scope);
      const sameKind =
        (typeof a === 'number' && typeof b === 'number') ||
        (typeof a === 'string' && typeof b === 'string');
      return sameKind ? order(a as number | string, b as number | string) : FALLBACK;
    };
  }
  if (op === '=' || op === '!=') {
    return (input, scope) => {
      const a = lhs(input, scope);
      const b = rhs(input, scope);
      const scalars =
        (typeof a === 'number' || typeof a === 'string' || typeof a === 'boolean' || a === null) &&
        (typeof b === 'number' || typeof b === 'string' || typeof b === 'boolean' || b === null);
      return scalars ? (a === b) === (op === '=') : FALLBACK;
    };
  }
  if (op === '&') {
    return (input, scope) => {
      const a = lhs(input, scope);
      const b = rhs(input, scope);
      if (
        (a !== undefined && typeof a !== 'string') ||
        (b !== undefined && typeof b !== 'string')
      ) {
        return FALLBACK;
      }
      return (a ?? '') + (b ?? '');
    };
  }
  if (op === 'and' || op === 'or') {
    return (input, scope) => {
      const a = lhs(input, scope);
      if (typeof a !== 'boolean') {
        return FALLBACK;
      }
      if ((op === 'and' && !a) || (op === 'or' && a)) {
        return a;
      }
      const b = rhs(input, scope);
      return typeof b === 'boolean' ? b : FALLBACK;
    };
  }
  throw new Unsupported();
}

function condition(node: Node): Fast {
  const test = compileNode(node['condition']);
  const then = compileNode(node['then']);
  const otherwise = node['else'] === undefined ? () => undefined : compileNode(node['else']);
  return (input, scope) => {
    const result = test(input, scope);
    if (typeof result !== 'boolean') {
      return FALLBACK;
    }
    return result ? then(input, scope) : otherwise(input, scope);
  };
}

/** A one-argument text function: undefined stays undefined, text is changed, the rest is jsonata's. */
const onText =
  (argument: Fast, fn: (text: string) => Value): Fast =>
  (input, scope) => {
    const value = argument(input, scope);
    if (value === undefined) {
      return undefined;
    }
    return typeof value === 'string' ? fn(value) : FALLBACK;
  };

/** jsonata's $trim: whitespace runs become one space, then one leading and trailing space go. */
function trim(text: string): string {
  let result = text.replace(/[ \t\n\r]+/g, ' ');
  if (result.startsWith(' ')) {
    result = result.slice(1);
  }
  return result.endsWith(' ') ? result.slice(0, -1) : result;
}

function call(node: Node): Fast {
  const name = shape(node['procedure'], 'variable', ['value'])['value'];
  const args = node['arguments'];
  if (!Array.isArray(args) || args.length !== 1) {
    throw new Unsupported();
  }
  if (name === 'property' || name === 'processProperty') {
    const key = shape(args[0], 'string', ['value'])['value'] as string;
    return name === 'property'
      ? (_input, scope) => own(scope.doc.properties, key)
      : (_input, scope) => scope.ctx.processProperties.get(key);
  }
  const argument = compileNode(args[0]);
  switch (name) {
    case 'uppercase':
      return onText(argument, (text) => text.toUpperCase());
    case 'lowercase':
      return onText(argument, (text) => text.toLowerCase());
    case 'string':
      return onText(argument, (text) => text);
    case 'trim':
      return onText(argument, trim);
    case 'length':
      // Code points, as jsonata counts them.
      return onText(argument, (text) => Array.from(text).length);
    default:
      throw new Unsupported();
  }
}

function unaryMinus(node: Node): Fast {
  const operand = compileNode(node['expression']);
  return (input, scope) => {
    const value = operand(input, scope);
    if (value === undefined) {
      return undefined;
    }
    return typeof value === 'number' ? -value : FALLBACK;
  };
}

function compileNode(ast: unknown): Fast {
  const type = (ast as Node | null)?.['type'];
  switch (type) {
    case 'path':
      return path(shape(ast, 'path', ['steps']));
    case 'variable':
      return variable(shape(ast, 'variable', ['value']));
    case 'string':
    case 'number':
    case 'value': {
      const value = shape(ast, type, ['value'])['value'];
      return () => value;
    }
    case 'unary': {
      const node = ast as Node;
      if (node['value'] === '{') {
        return objectConstructor(shape(ast, 'unary', ['value', 'lhs']));
      }
      if (node['value'] === '-') {
        return unaryMinus(shape(ast, 'unary', ['value', 'expression']));
      }
      throw new Unsupported();
    }
    case 'binary':
      return binary(shape(ast, 'binary', ['value', 'lhs', 'rhs']));
    case 'condition':
      return condition(shape(ast, 'condition', ['condition', 'then', 'else']));
    case 'function':
      return call(shape(ast, 'function', ['value', 'procedure', 'arguments']));
    default:
      throw new Unsupported();
  }
}

/**
 * The fast form of a compiled expression's AST, or undefined when any node is
 * outside the subset (then jsonata evaluates every document, as before).
 */
export function compileFastJsonata(ast: unknown): FastExpression | undefined {
  let fast: Fast;
  try {
    fast = compileNode(ast);
  } catch (error) {
    if (error instanceof Unsupported) {
      return undefined;
    }
    throw error;
  }
  return (input, doc, ctx) => {
    // A document that is not an object (a list, text) takes jsonata's sequence rules.
    if (!isObject(input)) {
      return FALLBACK;
    }
    return fast(input, { root: input, doc, ctx });
  };
}
