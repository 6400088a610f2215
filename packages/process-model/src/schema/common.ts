import Type, { type Static } from 'typebox';

/**
 * Names that are not safe as object keys: ids and property names become keys of
 * records (shapes, layout, run statistics, document properties), where these
 * would reach a prototype instead of an own member.
 */
export const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Matches any text but the reserved keys (a lookahead, so it combines with other rules). */
export const NOT_RESERVED = '(?!(?:__proto__|constructor|prototype)$)';

/** Whether `key` may be used as a record key: not one of RESERVED_KEYS. */
export function isSafeKey(key: string): boolean {
  return !RESERVED_KEYS.includes(key);
}

/** The id rule: plain identifiers, safe as object keys. */
export const ID_PATTERN = `^${NOT_RESERVED}[A-Za-z0-9_.:-]{1,80}$`;

/** Ids are opaque and immutable; labels are for people. */
export const IdSchema = Type.String({ pattern: ID_PATTERN });

/** A dynamic document property's name: any text but the reserved keys (it keys a record). */
export const PropertyNameSchema = Type.String({ minLength: 1, pattern: `^${NOT_RESERVED}` });
export type ShapeId = string;
export type ConnectionId = string;
export type ProcessId = string;

export const PositionSchema = Type.Object(
  { x: Type.Number(), y: Type.Number() },
  { additionalProperties: false },
);
export type Position = Static<typeof PositionSchema>;

/**
 * Execution properties the runtime knows (process-semantics.md §4.2), by Boomi's
 * script names. Account and Atom ids are left out: Junction's runtime has no such
 * facts to report yet.
 */
export const ExecutionPropertyNameSchema = Type.Union([
  Type.Literal('EXECUTION_ID'),
  Type.Literal('PROCESS_ID'),
  Type.Literal('PROCESS_NAME'),
  Type.Literal('DOCUMENT_COUNT'),
]);
export type ExecutionPropertyName = Static<typeof ExecutionPropertyNameSchema>;
export const EXECUTION_PROPERTY_NAMES: readonly ExecutionPropertyName[] = [
  'EXECUTION_ID',
  'PROCESS_ID',
  'PROCESS_NAME',
  'DOCUMENT_COUNT',
];

/** Where a parameter's value comes from at run time (process-semantics.md §5). */
export const ParameterValueSchema = Type.Union([
  Type.Object(
    { type: Type.Literal('static'), value: Type.String() },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('document-property'), name: PropertyNameSchema },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('process-property'), name: Type.String({ minLength: 1 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('profile-element'), path: Type.String({ minLength: 1 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('current-date'),
      /** A date mask such as `yyyyMMdd HHmmss.SSS` (UTC); absent means ISO 8601. */
      format: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('execution-property'), name: ExecutionPropertyNameSchema },
    { additionalProperties: false },
  ),
]);
export type ParameterValue = Static<typeof ParameterValueSchema>;

export const ParameterSchema = Type.Object(
  { name: Type.String(), value: ParameterValueSchema },
  { additionalProperties: false },
);
export type Parameter = Static<typeof ParameterSchema>;

/**
 * How Route and Decision compare two values (process-semantics.md §3.4). Numeric
 * when both sides parse as numbers, else lexical; `regex` and `wildcard` read the
 * right-hand side (Decision's second value, Route's keys) as the pattern.
 */
export const ComparisonOperatorSchema = Type.Union([
  Type.Literal('equals'),
  Type.Literal('not-equals'),
  Type.Literal('gt'),
  Type.Literal('ge'),
  Type.Literal('lt'),
  Type.Literal('le'),
  Type.Literal('regex'),
  Type.Literal('wildcard'),
]);
export type ComparisonOperator = Static<typeof ComparisonOperatorSchema>;
