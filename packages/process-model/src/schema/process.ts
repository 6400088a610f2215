import Type, { type Static } from 'typebox';
import { IdSchema, PositionSchema } from './common.ts';
import { ShapeSchema } from './shapes.ts';

export const CURRENT_SCHEMA_VERSION = 1;

export const ConnectionSchema = Type.Object(
  {
    id: IdSchema,
    from: Type.Object({ shape: IdSchema, port: Type.String() }, { additionalProperties: false }),
    to: Type.Object({ shape: IdSchema }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type Connection = Static<typeof ConnectionSchema>;

export const NoteSchema = Type.Object(
  {
    id: IdSchema,
    text: Type.String({ maxLength: 250 }),
    position: PositionSchema,
  },
  { additionalProperties: false },
);
export type Note = Static<typeof NoteSchema>;

export const ProcessOptionsSchema = Type.Object(
  {
    allowSimultaneousExecutions: Type.Boolean(),
    captureRunDates: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ProcessOptions = Static<typeof ProcessOptionsSchema>;

/** The process file: what the canvas edits, the server stores and the runtime executes. */
export const ProcessDocumentSchema = Type.Object(
  {
    schemaVersion: Type.Literal(CURRENT_SCHEMA_VERSION),
    id: IdSchema,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.String({ maxLength: 4000 }),
    options: ProcessOptionsSchema,
    shapes: Type.Record(Type.String(), ShapeSchema),
    connections: Type.Array(ConnectionSchema),
    /** Positions live apart from semantics: the runtime and semantic diffs ignore them. */
    layout: Type.Record(Type.String(), PositionSchema),
    notes: Type.Array(NoteSchema),
  },
  { additionalProperties: false, $id: 'https://junction.dev/schema/process.schema.json' },
);
export type ProcessDocument = Static<typeof ProcessDocumentSchema>;
