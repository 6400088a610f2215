import Type, { type Static, type TSchema } from 'typebox';

/**
 * The Partner API's query filter (process-semantics.md §11.1): one expression, either
 * a simple comparison or an and/or group of expressions nested to any depth. Junction
 * caps nesting at MAX_FILTER_DEPTH groups so the published JSON Schema stays free of
 * `$ref`s (Fastify's serializers and OpenAPI read it as plain JSON Schema).
 */
export const QUERY_OPERATORS = [
  'EQUALS',
  'NOT_EQUALS',
  'LIKE',
  'STARTS_WITH',
  'GREATER_THAN',
  'GREATER_THAN_OR_EQUAL',
  'LESS_THAN',
  'LESS_THAN_OR_EQUAL',
  'BETWEEN',
  'IS_NULL',
  'IS_NOT_NULL',
] as const;

export type QueryOperator = (typeof QUERY_OPERATORS)[number];

/** How many arguments each operator takes. */
export function operatorArgumentCount(operator: QueryOperator): number {
  switch (operator) {
    case 'IS_NULL':
    case 'IS_NOT_NULL':
      return 0;
    case 'BETWEEN':
      return 2;
    default:
      return 1;
  }
}

/** Groups nested deeper than this are refused by the schema. */
export const MAX_FILTER_DEPTH = 3;

export const QueryOperatorSchema = Type.Union([
  Type.Literal('EQUALS'),
  Type.Literal('NOT_EQUALS'),
  Type.Literal('LIKE'),
  Type.Literal('STARTS_WITH'),
  Type.Literal('GREATER_THAN'),
  Type.Literal('GREATER_THAN_OR_EQUAL'),
  Type.Literal('LESS_THAN'),
  Type.Literal('LESS_THAN_OR_EQUAL'),
  Type.Literal('BETWEEN'),
  Type.Literal('IS_NULL'),
  Type.Literal('IS_NOT_NULL'),
]);

/**
 * `argument` holds literal values, or `{name}` to take the value of the operation
 * parameter `name` for each document (Boomi binds filter values on the Parameters tab).
 */
export const SimpleExpressionSchema = Type.Object(
  {
    property: Type.String({ maxLength: 200 }),
    operator: QueryOperatorSchema,
    argument: Type.Array(Type.String({ maxLength: 2_000 }), { maxItems: 2 }),
  },
  { additionalProperties: false },
);
export type SimpleExpression = Static<typeof SimpleExpressionSchema>;

export interface GroupingExpression {
  operator: 'and' | 'or';
  nestedExpression: QueryExpression[];
}
export type QueryExpression = SimpleExpression | GroupingExpression;

export interface QueryFilter {
  expression: QueryExpression;
}

function expressionSchema(depth: number): TSchema {
  if (depth === 0) {
    return SimpleExpressionSchema;
  }
  return Type.Union([
    SimpleExpressionSchema,
    Type.Object(
      {
        operator: Type.Union([Type.Literal('and'), Type.Literal('or')]),
        nestedExpression: Type.Array(expressionSchema(depth - 1), { maxItems: 100 }),
      },
      { additionalProperties: false },
    ),
  ]);
}

export const QueryFilterSchema = Type.Unsafe<QueryFilter>(
  Type.Object({ expression: expressionSchema(MAX_FILTER_DEPTH) }, { additionalProperties: false }),
);

export function isGrouping(expression: QueryExpression): expression is GroupingExpression {
  return 'nestedExpression' in expression;
}
