/**
 * A typed builder for Connect's RQL (lib-rql grammar, connect-api.md §2.2). Expressions are
 * immutable values; `String(expr)` gives the query text, e.g.
 * `and(eq(status,pending),in(asset.product.id,(PRD-1,PRD-2)))`.
 */

/** A rendered RQL expression. */
export interface RqlExpression {
  readonly kind: 'rql';
  toString(): string;
}

/** The `null()` and `empty()` constants. */
export interface RqlConstant {
  readonly kind: 'rql-constant';
  toString(): string;
}

/** A value accepted on the right-hand side of a comparison. */
export type RqlValue = string | number | boolean | bigint | Date | null | RqlConstant;

/** A dotted field path such as `asset.product.id`. */
export type RqlField = string;

// Characters lib-rql accepts in an unquoted value: letters, digits, whitespace and _ - * + \ . : @
const UNQUOTED_VALUE = /^[\p{L}\p{N}\s_\-*+\\.:@]+$/u;
const FIELD = /^[A-Za-z_][\w.-]*$/;

function expression(text: string): RqlExpression {
  return { kind: 'rql', toString: () => text };
}

function constant(text: string): RqlConstant {
  return { kind: 'rql-constant', toString: () => text };
}

/** Whether a name can stand as an RQL field: the grammar never quotes one. */
export function isRqlField(name: string): boolean {
  return FIELD.test(name);
}

function field(name: RqlField): string {
  // Fields are never quoted by the grammar, so a bad name is a programming error.
  if (!isRqlField(name)) {
    throw new TypeError(`Invalid RQL field name: ${JSON.stringify(name)}`);
  }
  return name;
}

/**
 * Renders one value. Values outside the unquoted character set are wrapped in quotes: double
 * quotes unless the value contains one, then single quotes; a value holding both kinds keeps
 * double quotes and escapes the inner ones with a backslash.
 */
export function formatRqlValue(value: RqlValue): string {
  if (value === null) {
    return 'null()';
  }
  if (typeof value === 'object') {
    return value instanceof Date ? value.toISOString() : value.toString();
  }
  if (typeof value !== 'string') {
    return String(value);
  }
  if (UNQUOTED_VALUE.test(value)) {
    return value;
  }
  if (!value.includes('"')) {
    return `"${value}"`;
  }
  if (!value.includes("'")) {
    return `'${value}'`;
  }
  return `"${value.replaceAll('"', '\\"')}"`;
}

function comparison(op: string) {
  return (name: RqlField, value: RqlValue): RqlExpression =>
    expression(`${op}(${field(name)},${formatRqlValue(value)})`);
}

function list(op: string) {
  return (name: RqlField, values: readonly RqlValue[]): RqlExpression =>
    expression(`${op}(${field(name)},(${values.map(formatRqlValue).join(',')}))`);
}

function logical(op: string) {
  return (...terms: readonly (RqlExpression | undefined)[]): RqlExpression => {
    const present = terms.filter((term): term is RqlExpression => term !== undefined);
    // One term needs no wrapper; none at all renders as the empty query.
    if (present.length <= 1) {
      return expression(present[0]?.toString() ?? '');
    }
    return expression(`${op}(${present.map(String).join(',')})`);
  };
}

function projection(op: string) {
  return (...fields: readonly RqlField[]): RqlExpression =>
    expression(`${op}(${fields.map(signedField).join(',')})`);
}

function signedField(name: RqlField): string {
  const sign = name.startsWith('-') || name.startsWith('+') ? name.slice(0, 1) : '';
  return `${sign}${field(name.slice(sign.length))}`;
}

/**
 * The RQL builder. Comparison helpers take a field and a value; `in`/`out` take a list;
 * `and`/`or` skip undefined terms so optional filters compose without branching.
 *
 * @example
 * R.and(R.eq('status', 'pending'), R.in('asset.product.id', ['PRD-1', 'PRD-2']))
 */
export const R = {
  eq: comparison('eq'),
  ne: comparison('ne'),
  gt: comparison('gt'),
  ge: comparison('ge'),
  lt: comparison('lt'),
  le: comparison('le'),
  like: comparison('like'),
  ilike: comparison('ilike'),
  in: list('in'),
  out: list('out'),
  and: logical('and'),
  or: logical('or'),
  /** Negates one expression: `not(eq(status,draft))`. */
  not: (term: RqlExpression): RqlExpression => expression(`not(${term.toString()})`),
  /** The `null()` constant, e.g. `R.eq('assignee', R.null())`. */
  null: (): RqlConstant => constant('null()'),
  /** The `empty()` constant, e.g. `R.eq('note', R.empty())`. */
  empty: (): RqlConstant => constant('empty()'),
  /** Projection: `select(-asset.params,activation_key)`; `-x` hides, a bare name adds. */
  select: projection('select'),
  /** Sort order: `ordering(-created,name)`; `-x` is descending. */
  ordering: projection('ordering'),
  /**
   * Full-text search, rendered as the top-level `search=term` parameter (not valid inside
   * `and`/`or`). Prefer the resource set's `.search()`, which also encodes `&` and `=`.
   */
  search: (term: string): RqlExpression => expression(`search=${term}`),
} as const;

/**
 * Makes raw RQL safe inside a URL query while keeping its syntax readable: structural
 * characters stay literal, everything else (quotes, spaces, a lone `%`, `#`, `+`) is encoded.
 * `+` is encoded because form decoders would turn it into a space.
 */
export function encodeRqlForUrl(rql: string): string {
  // Existing %XX escapes are kept, so an already-encoded filter string is not encoded twice.
  return rql
    .split(/(%[0-9A-Fa-f]{2})/)
    .map((part, index) => (index % 2 === 1 ? part : encodePart(part)))
    .join('');
}

function encodePart(part: string): string {
  return encodeURIComponent(part)
    .replaceAll("'", '%27')
    .replace(/%(2C|3D|26|7C|3B|3A|40)/g, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
}
