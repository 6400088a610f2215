import Type, { type Static, type TSchema } from 'typebox';
import { ConnectorOperationSchema } from './connector.ts';

function shape<K extends string, C extends TSchema>(kind: K, config: C) {
  return Type.Object(
    {
      kind: Type.Literal(kind),
      /** Display label; empty means "use the kind's summary". */
      label: Type.String({ maxLength: 120 }),
      config,
    },
    { additionalProperties: false },
  );
}

function strictObject<P extends Record<string, TSchema>>(properties: P) {
  return Type.Object(properties, { additionalProperties: false });
}

export const StartShapeSchema = shape(
  'start',
  Type.Union([
    strictObject({ mode: Type.Literal('no-data') }),
    strictObject({ mode: Type.Literal('connector'), operation: ConnectorOperationSchema }),
    strictObject({ mode: Type.Literal('passthrough') }),
  ]),
);

export const ConnectorShapeSchema = shape('connector', ConnectorOperationSchema);

export const StopShapeSchema = shape(
  'stop',
  strictObject({
    /** false: "end and continue" (absorb); true: "end and return" (finish the run). */
    endAndReturn: Type.Boolean(),
  }),
);

/** One schema per shape kind, keyed by kind: validation dispatches on `kind`. */
export const SHAPE_SCHEMAS = {
  start: StartShapeSchema,
  connector: ConnectorShapeSchema,
  stop: StopShapeSchema,
} as const;

export type ShapeKind = keyof typeof SHAPE_SCHEMAS;
export const SHAPE_KINDS = Object.keys(SHAPE_SCHEMAS) as ShapeKind[];

// Listed explicitly (not Object.values) so TypeScript keeps the discriminated union.
export const ShapeSchema = Type.Union([StartShapeSchema, ConnectorShapeSchema, StopShapeSchema]);
export type Shape = Static<typeof ShapeSchema>;
export type ShapeOfKind<K extends ShapeKind> = Extract<Shape, { kind: K }>;
export type StartShape = ShapeOfKind<'start'>;
export type ConnectorShape = ShapeOfKind<'connector'>;
