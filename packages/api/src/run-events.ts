import Type, { type Static } from 'typebox';
import { PauseActionSchema, PauseStateSchema } from './run-debug.ts';
import { LogLevelSchema } from './run-documents.ts';
import { FinishedRunStatusSchema, ShapeStatsSchema, StoredRunStatusSchema } from './runs.ts';
import { Nullable } from './schema-helpers.ts';

const Shapes = Type.Record(Type.String(), ShapeStatsSchema);
const Counts = Type.Record(Type.String(), Type.Integer());

/** First event for every subscriber: the run as it is now (late joiners catch up). */
export const SnapshotEventSchema = Type.Object({
  type: Type.Literal('snapshot'),
  status: StoredRunStatusSchema,
  shapes: Shapes,
  connections: Counts,
  /** Where the run waits for Continue, Step or Stop, when it is paused. */
  paused: Type.Optional(PauseStateSchema),
});

export const ShapeStartedEventSchema = Type.Object({
  type: Type.Literal('shape-started'),
  shapeId: Type.String(),
  documents: Type.Integer(),
});

export const ShapeFinishedEventSchema = Type.Object({
  type: Type.Literal('shape-finished'),
  shapeId: Type.String(),
  stats: ShapeStatsSchema,
});

export const ConnectionEventSchema = Type.Object({
  type: Type.Literal('connection'),
  connectionId: Type.String(),
  count: Type.Integer(),
});

export const DocumentErrorEventSchema = Type.Object({
  type: Type.Literal('document-error'),
  shapeId: Type.String(),
  documentId: Type.String(),
  message: Type.String(),
});

export const LogEventSchema = Type.Object({
  type: Type.Literal('log'),
  shapeId: Type.String(),
  level: LogLevelSchema,
  message: Type.String(),
  documentId: Type.Optional(Type.String()),
});

/** The run stopped before a shape (breakpoint or step) and waits for an answer. */
export const PausedEventSchema = Type.Object({
  type: Type.Literal('paused'),
  ...PauseStateSchema.properties,
});

/** The pause was answered: the run goes on (continue, step) or ends (stop). */
export const ResumedEventSchema = Type.Object({
  type: Type.Literal('resumed'),
  pause: Type.Integer(),
  action: PauseActionSchema,
  /** Ids of the waiting documents the answer replaced. */
  edited: Type.Array(Type.String()),
});

/** Last event: the stream ends after it. */
export const EndEventSchema = Type.Object({
  type: Type.Literal('end'),
  status: FinishedRunStatusSchema,
  error: Nullable(Type.String()),
  shapes: Shapes,
  connections: Counts,
  documentsIn: Type.Integer(),
  documentsOut: Type.Integer(),
  documentsInError: Type.Integer(),
});

/** What a watcher of a run hears, in order (GET /api/runs/:id/events, one SSE event each). */
export const RunEventSchema = Type.Union([
  SnapshotEventSchema,
  ShapeStartedEventSchema,
  ShapeFinishedEventSchema,
  ConnectionEventSchema,
  DocumentErrorEventSchema,
  LogEventSchema,
  PausedEventSchema,
  ResumedEventSchema,
  EndEventSchema,
]);
export type RunEvent = Static<typeof RunEventSchema>;
export type RunEventType = RunEvent['type'];

/** Every SSE event name the server sends: a client listens to each (EventSource needs names). */
export const RUN_EVENT_TYPES: readonly RunEventType[] = RunEventSchema.anyOf.map(
  (variant) => variant.properties.type.const,
);
