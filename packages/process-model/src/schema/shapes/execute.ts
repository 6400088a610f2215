import Type from 'typebox';
import { NOT_RESERVED, ParameterValueSchema } from '../common.ts';
import { NameSchema, shape, strictObject, TextSchema } from './define.ts';
import { MAX_MAP_STEPS, MapFunctionStepSchema } from './map-functions.ts';

/**
 * One mapping row: copy the value at `from` (source document) to `to` (output
 * document), through its map function `steps` in order. `steps` is optional so
 * files written before map functions stay valid as they are.
 */
export const MapRowSchema = strictObject({
  from: Type.String(),
  to: Type.String(),
  steps: Type.Optional(Type.Array(MapFunctionStepSchema, { maxItems: MAX_MAP_STEPS })),
});

export const MapShapeSchema = shape(
  'map',
  strictObject({
    /** Field copies, applied in order to build a new document. */
    mappings: Type.Array(MapRowSchema),
    /**
     * A JSONata expression over the source document. When set it produces the output
     * and the rows are applied on top of its result; empty means rows only.
     */
    expression: Type.String({ maxLength: 100_000 }),
  }),
);

/** A property write; the value is the concatenation of `parts` in order (§3.3 Set Properties). */
export const PropertyAssignmentSchema = Type.Union([
  strictObject({
    target: Type.Literal('dynamic-document'),
    // Names key each document's property record.
    name: Type.String({ maxLength: 200, pattern: `^${NOT_RESERVED}` }),
    parts: Type.Array(ParameterValueSchema),
  }),
  strictObject({
    target: Type.Literal('dynamic-process'),
    name: NameSchema,
    /** Keep the value for the next execution of this process. */
    persist: Type.Boolean(),
    parts: Type.Array(ParameterValueSchema),
  }),
]);

export const SetPropertiesShapeSchema = shape(
  'set-properties',
  strictObject({ properties: Type.Array(PropertyAssignmentSchema) }),
);

export const MessageShapeSchema = shape(
  'message',
  strictObject({
    /** Text with `{1}`, `{2}` … placeholders for `parameters` in list order. */
    text: TextSchema,
    parameters: Type.Array(ParameterValueSchema),
    /**
     * Junction's escape from Boomi's quote rules: when true an apostrophe is a plain
     * character, so a JSON template needs no `'{'…'}'` wrapping (see parseMessageTemplate).
     */
    jsonSafe: Type.Boolean(),
    /** Combine all incoming documents into one output message. */
    combineDocuments: Type.Boolean(),
  }),
);

export const NotifyShapeSchema = shape(
  'notify',
  strictObject({
    level: Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('error')]),
    title: NameSchema,
    text: TextSchema,
    parameters: Type.Array(ParameterValueSchema),
    /**
     * Write Once Per Execution: one notification the first time the shape runs in
     * an execution, rendered without a document (document values read as empty).
     * Absent in files written before it existed, meaning false.
     */
    oncePerExecution: Type.Optional(Type.Boolean()),
  }),
);

export const ProgramCommandShapeSchema = shape(
  'program-command',
  strictObject({
    /** Executable run directly, never through a shell, so arguments need no quoting. */
    command: Type.String({ maxLength: 1000 }),
    args: Type.Array(Type.String({ maxLength: 10_000 })),
  }),
);

export const ProcessCallShapeSchema = shape(
  'process-call',
  strictObject({
    processId: Type.String({ maxLength: 80 }),
    /** The parent waits for the child before its next shape (forced for passthrough children). */
    wait: Type.Boolean(),
    /** A failed child fails the parent (process error) instead of failing documents. */
    abortOnFailure: Type.Boolean(),
    /**
     * Labels of the child's Return Documents shapes, in the child's order, copied when
     * the child is chosen. Each becomes an output port; none means one plain output.
     */
    returnPaths: Type.Array(NameSchema),
  }),
);
