import {
  constantNumber,
  dateFormatter,
  dateParser,
  type MapFunctionStep,
  type MapOperand,
  parseFieldPath,
} from '@junction/process-model';
import { compileReader, type Reader } from './map-paths.ts';

/**
 * One map function as a closure over its precomputed arguments: it takes the
 * value so far and the source document and returns the next value. `undefined`
 * is "no value" (a missing source field); most functions pass it on untouched, so
 * a missing field still writes no target field unless `default` or `lookup`
 * supplies one. A value a function cannot take throws a StepError.
 */
export type StepFn = (value: unknown, source: unknown) => unknown;

/** A step's failure; the Map names the row around it. */
export class StepError extends Error {}

const missing = (value: unknown) => value === undefined || value === null;

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (value instanceof Date) {
    return 'a date';
  }
  return typeof value === 'object' ? 'an object' : `“${String(value)}”`;
}

/** Scalars as text (numbers as JavaScript writes them); structures are refused. */
function text(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  throw new StepError(`${describe(value)} is not text.`);
}

function number(value: unknown): number {
  if (typeof value === 'number') {
    return value;
  }
  const read = typeof value === 'string' ? constantNumber(value) : undefined;
  if (read === undefined) {
    throw new StepError(`${describe(value)} is not a number.`);
  }
  return read;
}

function finite(result: number): number {
  if (!Number.isFinite(result)) {
    throw new StepError('the result is not a finite number (a division by zero?).');
  }
  // -0 would be written "0": the Map keeps its output beside the text, so they must agree.
  return result === 0 ? 0 : result;
}

/** Half away from zero at `places` decimals, by decimal shifting so 1.005 rounds to 1.01. */
export function roundTo(value: number, places: number): number {
  const abs = Math.abs(value);
  // Shifting the decimal text is exact where multiplying is not (1.005 × 100 = 100.4999…);
  // text that has an exponent already (1e-7) cannot take another, so it is multiplied.
  let shifted = Number(`${abs}e${places}`);
  if (Number.isNaN(shifted)) {
    shifted = abs * 10 ** places;
  }
  const result = Number(`${Math.round(shifted)}e-${places}`);
  // Numbers too large for decimals (1e25) come back as they were.
  if (Number.isNaN(result)) {
    return value;
  }
  return value < 0 && result !== 0 ? -result : result;
}

/** A field operand reads the source; a constant is read once, here. */
function operandReader(operand: MapOperand): Reader {
  if (operand.type === 'constant') {
    const value = operand.value;
    return () => value;
  }
  const path = parseFieldPath(operand.path);
  if (path === null) {
    throw new StepError(`“${operand.path}” is not a field path.`);
  }
  return compileReader(path);
}

const ARITHMETIC = {
  add: (a: number, b: number) => a + b,
  subtract: (a: number, b: number) => a - b,
  multiply: (a: number, b: number) => a * b,
  divide: (a: number, b: number) => a / b,
} as const;

function arithmetic(fn: keyof typeof ARITHMETIC, operand: MapOperand): StepFn {
  const op = ARITHMETIC[fn];
  if (operand.type === 'constant') {
    const constant = constantNumber(operand.value);
    if (constant === undefined) {
      throw new StepError(`“${operand.value}” is not a number.`);
    }
    return (value) => (missing(value) ? undefined : finite(op(number(value), constant)));
  }
  const read = operandReader(operand);
  return (value, source) => {
    const other = read(source);
    return missing(value) || missing(other) ? undefined : finite(op(number(value), number(other)));
  };
}

function concat(parts: readonly MapOperand[], separator: string): StepFn {
  const readers = parts.map(operandReader);
  // Missing pieces count as empty text, as Boomi's concatenation does.
  const piece = (value: unknown) => (missing(value) ? '' : text(value));
  return (value, source) => {
    let result = piece(value);
    for (let i = 0; i < readers.length; i++) {
      result += separator + piece((readers[i] as Reader)(source));
    }
    return result;
  };
}

function lookup(table: readonly { key: string; value: string }[], fallback?: string): StepFn {
  // A Map, not an object: keys are user text (`__proto__`, `constructor` included).
  const entries = new Map(table.map(({ key, value }) => [key, value]));
  return (value) => {
    const found = missing(value) ? undefined : entries.get(text(value));
    return found ?? fallback;
  };
}

const parseIso = dateParser();

function toDate(value: unknown): Date {
  if (value instanceof Date) {
    return value;
  }
  const date = typeof value === 'string' ? parseIso(value) : null;
  if (date === null) {
    throw new StepError(`${describe(value)} is not an ISO 8601 date; parse it first.`);
  }
  return date;
}

/** Wraps a text function so a missing value stays missing. */
const onText =
  (fn: (value: string) => unknown): StepFn =>
  (value) =>
    missing(value) ? value : fn(text(value));

/** Compiles one step; a step the schema allows but the runtime cannot build throws StepError. */
export function compileStep(step: MapFunctionStep): StepFn {
  switch (step.fn) {
    case 'upper':
      return onText((v) => v.toUpperCase());
    case 'lower':
      return onText((v) => v.toLowerCase());
    case 'trim':
      return onText((v) => v.trim());
    case 'concat':
      return concat(step.parts, step.separator);
    case 'substring': {
      const { start, length } = step;
      const end = length === undefined ? undefined : start + length;
      return onText((v) => v.slice(start, end));
    }
    case 'replace': {
      const { search, replacement } = step;
      if (search === '') {
        throw new StepError('the text to replace is empty.');
      }
      // split/join: literal on both sides (replaceAll would read `$&` in the replacement).
      return onText((v) => v.split(search).join(replacement));
    }
    case 'pad': {
      const { side, length, fill } = step;
      return onText((v) => (side === 'start' ? v.padStart(length, fill) : v.padEnd(length, fill)));
    }
    case 'add':
    case 'subtract':
    case 'multiply':
    case 'divide':
      return arithmetic(step.fn, step.operand);
    case 'round': {
      const { places } = step;
      return (value) => (missing(value) ? value : roundTo(number(value), places));
    }
    case 'format-number': {
      const { decimals } = step;
      return (value) =>
        missing(value) ? value : roundTo(number(value), decimals).toFixed(decimals);
    }
    case 'parse-date': {
      const mask = step.format;
      const parse = dateParser(mask);
      return onText((v) => {
        const date = parse(v);
        if (date === null) {
          throw new StepError(`“${v}” is not a date written ${mask}.`);
        }
        return date;
      });
    }
    case 'format-date': {
      const format = dateFormatter(step.format);
      return (value) => (missing(value) ? value : format(toDate(value)));
    }
    case 'lookup':
      return lookup(step.table, step.default);
    case 'default': {
      const fallback = step.value;
      return (value) => (missing(value) || value === '' ? fallback : value);
    }
  }
}

/** A date left at the end of a chain is written as ISO 8601 text (JSON has no dates). */
export const settle = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString() : value;
