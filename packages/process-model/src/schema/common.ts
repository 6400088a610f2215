import Type, { type Static } from 'typebox';

/** Ids are opaque and immutable; labels are for people. */
export const IdSchema = Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,80}$' });
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
    { type: Type.Literal('document-property'), name: Type.String({ minLength: 1 }) },
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
