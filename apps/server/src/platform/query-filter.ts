import { HttpError } from '../errors.ts';

export type FieldType = 'text' | 'number' | 'timestamp' | 'boolean';

/** A queryable property: the SQL it reads (a column or expression) and its type. */
export interface QueryField {
  sql: string;
  type: FieldType;
}

export type FieldMap = Readonly<Record<string, QueryField>>;

export const OPERATORS = {
  EQUALS: 1,
  NOT_EQUALS: 1,
  LIKE: 1,
  STARTS_WITH: 1,
  IS_NULL: 0,
  IS_NOT_NULL: 0,
  BETWEEN: 2,
  GREATER_THAN: 1,
  GREATER_THAN_OR_EQUAL: 1,
  LESS_THAN: 1,
  LESS_THAN_OR_EQUAL: 1,
} as const;

type Operator = keyof typeof OPERATORS;

const COMPARISON: Partial<Record<Operator, string>> = {
  EQUALS: '=',
  NOT_EQUALS: '<>',
  GREATER_THAN: '>',
  GREATER_THAN_OR_EQUAL: '>=',
  LESS_THAN: '<',
  LESS_THAN_OR_EQUAL: '<=',
};

// A filter is a request body; bound its size so one call cannot build a huge query.
const MAX_DEPTH = 16;
const MAX_NODES = 200;

function bad(message: string): HttpError {
  return new HttpError(400, 'bad-filter', message);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{ QueryFilter: { expression } }`, `{ expression }` or nothing (everything matches). */
export function filterExpression(filter: unknown): unknown {
  if (filter === undefined || filter === null) {
    return undefined;
  }
  if (!isObject(filter)) {
    throw bad('The filter must be an object with an expression.');
  }
  const inner = isObject(filter['QueryFilter']) ? filter['QueryFilter'] : filter;
  return inner['expression'];
}

/**
 * Compiles a Boomi query filter tree (process-semantics.md §11.1: simple
 * expressions inside and/or groupings, to any depth) to a parameterised SQL
 * condition over `fields`. Values never enter the SQL text; every property and
 * operator is checked, so a bad filter is a 400 naming what is wrong.
 */
export function compileFilter(
  filter: unknown,
  fields: FieldMap,
  firstParam: number,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  let nodes = 0;
  const bind = (value: unknown, cast: string) => {
    params.push(value);
    return `$${firstParam + params.length - 1}${cast}`;
  };

  function argument(field: QueryField, property: string, raw: unknown): unknown {
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      throw bad(`Arguments for ${property} must be strings, numbers or booleans.`);
    }
    const text = String(raw);
    switch (field.type) {
      case 'number': {
        const n = Number(text);
        if (text.trim() === '' || !Number.isFinite(n)) {
          throw bad(`${property} takes numbers, got "${text}".`);
        }
        return n;
      }
      case 'timestamp': {
        const t = Date.parse(text);
        if (Number.isNaN(t)) {
          throw bad(`${property} takes ISO 8601 date-times, got "${text}".`);
        }
        return new Date(t).toISOString();
      }
      case 'boolean':
        if (text !== 'true' && text !== 'false') {
          throw bad(`${property} takes true or false, got "${text}".`);
        }
        return text === 'true';
      case 'text':
        return text;
    }
  }

  function simple(node: Record<string, unknown>): string {
    const { property, operator } = node;
    if (typeof property !== 'string' || !Object.hasOwn(fields, property)) {
      throw bad(
        `Unknown property ${JSON.stringify(property)}; use one of ${Object.keys(fields).join(', ')}.`,
      );
    }
    const field = fields[property]!;
    if (typeof operator !== 'string' || !Object.hasOwn(OPERATORS, operator)) {
      throw bad(`Unknown operator ${JSON.stringify(operator)} for ${property}.`);
    }
    const op = operator as Operator;
    const rawArgs = node['argument'] ?? [];
    const args = Array.isArray(rawArgs) ? rawArgs : [rawArgs];
    if (args.length !== OPERATORS[op]) {
      throw bad(`${op} takes ${OPERATORS[op]} argument(s), got ${args.length}.`);
    }
    const values = args.map((a) => argument(field, property, a));
    const cast = {
      text: '::text',
      number: '::numeric',
      timestamp: '::timestamptz',
      boolean: '::boolean',
    }[field.type];
    switch (op) {
      case 'IS_NULL':
        return `(${field.sql}) IS NULL`;
      case 'IS_NOT_NULL':
        return `(${field.sql}) IS NOT NULL`;
      case 'LIKE':
      case 'STARTS_WITH': {
        if (field.type !== 'text') {
          throw bad(`${op} works on text properties; ${property} is not text.`);
        }
        const value = String(values[0]);
        // LIKE keeps the caller's % and _ wildcards; STARTS_WITH matches them literally.
        const pattern = op === 'LIKE' ? value : `${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        return `(${field.sql}) LIKE ${bind(pattern, cast)}`;
      }
      case 'BETWEEN':
        if (field.type === 'boolean') {
          throw bad(`BETWEEN does not work on ${property}.`);
        }
        return `(${field.sql}) BETWEEN ${bind(values[0], cast)} AND ${bind(values[1], cast)}`;
      default:
        if (field.type === 'boolean' && op !== 'EQUALS' && op !== 'NOT_EQUALS') {
          throw bad(`${op} does not work on ${property}.`);
        }
        return `(${field.sql}) ${COMPARISON[op]} ${bind(values[0], cast)}`;
    }
  }

  function expression(node: unknown, depth: number): string {
    nodes += 1;
    if (depth > MAX_DEPTH || nodes > MAX_NODES) {
      throw bad(`A filter may nest ${MAX_DEPTH} deep and hold ${MAX_NODES} expressions.`);
    }
    if (!isObject(node)) {
      throw bad('Each expression must be an object.');
    }
    const operator = node['operator'];
    if (operator === 'and' || operator === 'or') {
      const nested = node['nestedExpression'];
      if (!Array.isArray(nested) || nested.length === 0) {
        throw bad(`A grouping (${operator}) needs a non-empty nestedExpression list.`);
      }
      const parts = nested.map((n) => expression(n, depth + 1));
      return `(${parts.join(operator === 'and' ? ' AND ' : ' OR ')})`;
    }
    return simple(node);
  }

  const root = filterExpression(filter);
  return { sql: root === undefined ? 'TRUE' : expression(root, 0), params };
}
