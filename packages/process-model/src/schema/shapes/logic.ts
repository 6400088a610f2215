import Type from 'typebox';
import { ComparisonOperatorSchema, ParameterValueSchema } from '../common.ts';
import { NameSchema, shape, strictObject, TextSchema } from './define.ts';

// Numeric ranges (branch count, retries, parallel units) are checked by validation,
// not the schema, so a draft with an out-of-range value still opens and shows where.

export const BranchShapeSchema = shape(
  'branch',
  strictObject({ /** Number of paths, 2..25. */ count: Type.Integer() }),
);

export const RouteShapeSchema = shape(
  'route',
  strictObject({
    /** The value each document is routed by. */
    value: ParameterValueSchema,
    operator: ComparisonOperatorSchema,
    /** Route keys, compared in order; the first match wins, no match goes to `default`. */
    keys: Type.Array(NameSchema),
  }),
);

export const DecisionShapeSchema = shape(
  'decision',
  strictObject({
    left: ParameterValueSchema,
    operator: ComparisonOperatorSchema,
    right: ParameterValueSchema,
  }),
);

export const TryCatchShapeSchema = shape(
  'try-catch',
  strictObject({
    /** Re-runs of the Try path for a failed document, 0..5. */
    retryCount: Type.Integer(),
    /** `document`: document errors only; `all`: process errors too. */
    trigger: Type.Union([Type.Literal('document'), Type.Literal('all')]),
  }),
);

export const BusinessRuleSchema = strictObject({
  name: NameSchema,
  /** A JSONata expression over the document; truthy means the rule passes. */
  condition: Type.String({ maxLength: 10_000 }),
  /** Why the document was rejected, for the Business Rules Result Message. */
  message: TextSchema,
});

export const BusinessRulesShapeSchema = shape(
  'business-rules',
  strictObject({ rules: Type.Array(BusinessRuleSchema) }),
);

/**
 * A field restriction. Repairs come first (trim, then `defaultValue` for a missing or
 * empty value); whatever still violates a restriction rejects the whole document.
 */
export const CleanseFieldRuleSchema = strictObject({
  path: Type.String({ maxLength: 1000 }),
  required: Type.Boolean(),
  type: Type.Union([
    Type.Literal('any'),
    Type.Literal('string'),
    Type.Literal('number'),
    Type.Literal('boolean'),
    Type.Literal('date'),
  ]),
  minLength: Type.Optional(Type.Integer({ minimum: 0 })),
  maxLength: Type.Optional(Type.Integer({ minimum: 0 })),
  trim: Type.Boolean(),
  defaultValue: Type.Optional(Type.String({ maxLength: 10_000 })),
  /** For `type: 'date'`: a date mask such as `MM/dd/yyyy` (UTC); absent means ISO 8601. */
  format: Type.Optional(Type.String({ maxLength: 100 })),
});

export const CleanseShapeSchema = shape(
  'cleanse',
  strictObject({ fields: Type.Array(CleanseFieldRuleSchema) }),
);

export const FlowControlShapeSchema = shape(
  'flow-control',
  strictObject({
    /** `per-document` reruns the rest of the path once per document; `batch` per batchSize. */
    batching: Type.Union([
      Type.Literal('none'),
      Type.Literal('per-document'),
      Type.Literal('batch'),
    ]),
    batchSize: Type.Integer(),
    /** Parallel units (threads) the documents are split over, 1..10. */
    parallelUnits: Type.Integer(),
  }),
);

export const ExceptionShapeSchema = shape(
  'exception',
  strictObject({
    title: NameSchema,
    /** Text with `{n}` placeholders, Boomi quote rules. */
    text: TextSchema,
    parameters: Type.Array(ParameterValueSchema),
    /** true: a process-level error; false: only the arriving document fails. */
    stopEntireProcess: Type.Boolean(),
  }),
);

export const StopShapeSchema = shape(
  'stop',
  strictObject({
    /** false: "end and continue" (absorb); true: "end and return" (finish the run). */
    endAndReturn: Type.Boolean(),
  }),
);

export const ReturnDocumentsShapeSchema = shape(
  'return-documents',
  strictObject({
    /** The path name the calling Process Call shows for these documents. */
    label: NameSchema,
  }),
);
