/**
 * Deepest nesting of objects and arrays accepted wherever user JSON enters
 * (request bodies, process files). Process files need far less (a profile is at
 * most 65 levels); the limit keeps every recursive walk downstream (schema checks,
 * structuredClone, the JSON parser's own recursion) far from the call-stack limit.
 */
export const MAX_JSON_DEPTH = 512;

/** A place in JSON text: 0-based offset, 1-based line and column. */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** Where a string starting at `start` (its opening quote) ends, after the closing quote. */
function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) {
      i += 2;
    } else if (code === QUOTE) {
      return i + 1;
    } else {
      i++;
    }
  }
  return i;
}

const COLON = 0x3a;

/** Whether the character code is JSON whitespace (space, tab, newline, return). */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** What one flat pass over JSON text tells before anything parses it. */
export interface JsonScan {
  /** The opening bracket that first nests deeper than the limit; the scan stops there. */
  tooDeep?: TextPosition;
  /** Object members in the text (strings followed by a colon), repeated keys included. */
  members: number;
}

/**
 * Nesting depth and member count in one flat scan: no recursion, strings
 * skipped, so any depth and any garbage is safe. It runs before anything
 * recursive sees the text; the member count lets a caller detect repeated keys
 * by comparing it with the keys the parsed value kept.
 */
export function scanJson(text: string, limit = MAX_JSON_DEPTH): JsonScan {
  let depth = 0;
  let members = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = skipString(text, i);
      let next = i;
      while (next < text.length && isSpace(text.charCodeAt(next))) {
        next++;
      }
      members += text.charCodeAt(next) === COLON ? 1 : 0;
      continue;
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
      if (depth > limit) {
        return { tooDeep: positionAt(text, i), members };
      }
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
    }
    i++;
  }
  return { members };
}

/** The opening bracket that first nests deeper than `limit`, or undefined. */
export function tooDeepAt(text: string, limit = MAX_JSON_DEPTH): TextPosition | undefined {
  return scanJson(text, limit).tooDeep;
}

/**
 * Whether a value (already parsed, or built in memory) nests objects and arrays
 * deeper than `limit`; iterative, for values that did not come through text
 * (the Platform API connector's bodies) before a recursive clone or stringify.
 */
export function nestedDeeperThan(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let top = pending.pop(); top !== undefined; top = pending.pop()) {
    const [next, depth] = top;
    if (typeof next !== 'object' || next === null) {
      continue;
    }
    if (depth > limit) {
      return true;
    }
    for (const child of Object.values(next)) {
      pending.push([child, depth + 1]);
    }
  }
  return false;
}

/** Own keys of every object in a parsed value, counted without recursion. */
export function keptMembers(value: unknown): number {
  let count = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null) {
      continue;
    }
    if (Array.isArray(next)) {
      pending.push(...next);
      continue;
    }
    const keys = Object.keys(next);
    count += keys.length;
    for (const key of keys) {
      pending.push((next as Record<string, unknown>)[key]);
    }
  }
  return count;
}

/** Line and column (1-based) of `offset`; only computed when a problem is reported. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { offset, line, column: offset - lineStart + 1 };
}
