// jsonc-parser (Microsoft, the parser behind VS Code's JSON support) is used for
// what JSON.parse cannot tell: where a syntax error is and which keys repeat.
// It is maintained, small, dependency-free, and its `visit` streams events with
// offsets without building a tree. JSON.parse still makes the value (it is much
// faster); the visitor only runs after a failure or when a flat count shows a
// repeated key, so a 5,000-shape file costs one extra scan, not a second parse.
import { type JSONPath, type ParseErrorCode, printParseErrorCode, visit } from 'jsonc-parser';
import { pointerOf, type ValidationIssue } from '../validation/issue.ts';
import {
  type JsonScan,
  keptMembers,
  MAX_JSON_DEPTH,
  positionAt,
  scanJson,
  type TextPosition,
} from './json-scan.ts';

export type ReadJsonResult =
  | { ok: true; value: unknown }
  | { ok: false; issues: ValidationIssue[] };

export interface ReadJsonOptions {
  /** Report keys that appear twice in one object (JSON.parse silently keeps the last). */
  duplicateKeys?: boolean;
  maxDepth?: number;
  /**
   * Refuse `__proto__` keys and `constructor.prototype`, as Fastify's own parser
   * (secure-json-parse) does: merge code elsewhere could write them onto prototypes.
   */
  forbidPrototypeKeys?: boolean;
}

// Strict JSON: no comments, no trailing commas, nothing jsonc-parser would forgive.
const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

const at = (p: TextPosition) => `line ${p.line}, column ${p.column}`;

function issue(code: string, message: string, pointer: string): ValidationIssue {
  return { severity: 'error', code, message, pointer };
}

/** "CloseBraceExpected" → "Close brace expected". */
function describe(code: ParseErrorCode): string {
  const words = printParseErrorCode(code).replace(/([a-z])([A-Z])/g, '$1 $2');
  return words.charAt(0) + words.slice(1).toLowerCase();
}

/** The first syntax error, located; `fallback` (JSON.parse's message) if the visitor finds none. */
export function syntaxIssue(text: string, fallback: string): ValidationIssue {
  let found: ValidationIssue | undefined;
  let path: JSONPath = [];
  const track = (_o: number, _l: number, _sl: number, _sc: number, supply: () => JSONPath) => {
    if (!found) {
      path = supply();
    }
  };
  visit(
    text,
    {
      onObjectProperty: (property, _o, _l, _sl, _sc, supply) => {
        if (!found) {
          path = [...supply(), property];
        }
      },
      onObjectBegin: track,
      onArrayBegin: track,
      onError: (error, offset) => {
        found ??= issue(
          'json.syntax',
          `${describe(error)} at ${at(positionAt(text, offset))}`,
          pointerOf(...path),
        );
      },
    },
    STRICT,
  );
  return found ?? issue('json.syntax', `Not valid JSON: ${fallback}`, '');
}

/** Every key that repeats within one object, at the pointer of the repeated member. */
export function duplicateKeyIssues(text: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const keys: Set<string>[] = [];
  visit(
    text,
    {
      onObjectBegin: () => {
        keys.push(new Set());
      },
      onObjectEnd: () => {
        keys.pop();
      },
      onObjectProperty: (property, offset, _l, _sl, _sc, supply) => {
        const seen = keys[keys.length - 1];
        if (!seen?.has(property)) {
          seen?.add(property);
          return;
        }
        issues.push(
          issue(
            'json.duplicate-key',
            `Duplicate key ${JSON.stringify(property)} at ${at(positionAt(text, offset))}: its value would silently replace the earlier one`,
            pointerOf(...supply(), property),
          ),
        );
      },
    },
    STRICT,
  );
  return issues;
}

/** Members named `__proto__`, and `prototype` inside `constructor`, at their pointers. */
export function prototypeKeyIssues(text: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  visit(
    text,
    {
      onObjectProperty: (property, offset, _l, _sl, _sc, supply) => {
        if (property !== '__proto__' && property !== 'prototype') {
          return;
        }
        const path = supply();
        if (property === 'prototype' && path[path.length - 1] !== 'constructor') {
          return;
        }
        issues.push(
          issue(
            'json.forbidden-key',
            `The key ${JSON.stringify(property)} at ${at(positionAt(text, offset))} is not accepted: it could change an object's prototype`,
            pointerOf(...path, property),
          ),
        );
      },
    },
    STRICT,
  );
  return issues;
}

/**
 * Keys written twice in `text`, given the value JSON.parse already made of it (so the
 * text is scanned, not parsed again): a flat count decides whether the slower visitor
 * has anything to find.
 */
export function repeatedKeyIssues(text: string, value: unknown): ValidationIssue[] {
  return keptMembers(value) < scanJson(text).members ? duplicateKeyIssues(text) : [];
}

/** Problems with keys, found only when a cheap test says there may be some. */
function keyIssues(text: string, value: unknown, scan: JsonScan, options: ReadJsonOptions) {
  // JSON.parse keeps one member per key, so fewer kept than written means a repeat;
  // only then is the (slower) visitor run to say where.
  const repeats = options.duplicateKeys === true && keptMembers(value) < scan.members;
  const prototypes = options.forbidPrototypeKeys === true && /"(?:__proto__|prototype)"/.test(text);
  return [
    ...(repeats ? duplicateKeyIssues(text) : []),
    ...(prototypes ? prototypeKeyIssues(text) : []),
  ];
}

/**
 * JSON text to a value, refusing what JSON.parse would accept silently or
 * explain badly: nesting deeper than `maxDepth`, and (when asked) repeated or
 * prototype-changing keys.
 * Every problem is an issue with a pointer and, in its message, line and column.
 */
export function readJson(text: string, options: ReadJsonOptions = {}): ReadJsonResult {
  const limit = options.maxDepth ?? MAX_JSON_DEPTH;
  const scan = scanJson(text, limit);
  const deep = scan.tooDeep;
  if (deep) {
    return {
      ok: false,
      issues: [issue('json.too-deep', `Nested deeper than ${limit} levels at ${at(deep)}`, '')],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [syntaxIssue(text, (error as Error).message)] };
  }
  const issues = keyIssues(text, value, scan, options);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}
