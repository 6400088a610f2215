import Type, { type Static } from 'typebox';
import { Nullable, StringMap } from './schema-helpers.ts';

export const DocumentDirectionSchema = Type.Union([
  Type.Literal('in'),
  Type.Literal('out'),
  Type.Literal('error'),
]);
export type DocumentDirection = Static<typeof DocumentDirectionSchema>;

export const LogLevelSchema = Type.Union([
  Type.Literal('info'),
  Type.Literal('warning'),
  Type.Literal('error'),
]);
export type LogLevel = Static<typeof LogLevelSchema>;

/** One document as a shape saw it, its data cut to the first 10 KB. */
export const DocumentPreviewSchema = Type.Object({
  seq: Type.Integer(),
  documentId: Type.String(),
  parentId: Nullable(Type.String()),
  port: Nullable(Type.String()),
  error: Nullable(Type.String()),
  properties: StringMap,
  data: Type.String(),
  truncated: Type.Boolean(),
  size: Type.Integer(),
});
export type DocumentPreview = Static<typeof DocumentPreviewSchema>;

export const DocumentPageSchema = Type.Object({
  items: Type.Array(DocumentPreviewSchema),
  total: Type.Integer(),
});

/** One line of a run's log (Test mode's "Logs" tab). */
export const RunLogSchema = Type.Object({
  seq: Type.Integer(),
  shapeId: Type.String(),
  level: LogLevelSchema,
  message: Type.String(),
  documentId: Nullable(Type.String()),
});
export type RunLog = Static<typeof RunLogSchema>;

export const RunLogListSchema = Type.Object({ items: Type.Array(RunLogSchema) });

/** A document through the whole run: where it went, what it came from, its log lines. */
export const DocumentDetailSchema = Type.Object({
  documentId: Type.String(),
  parentId: Nullable(Type.String()),
  /**
   * Why the parent cannot be opened: the run does not hold it (an execution keeps
   * only tracked documents). Null when there is no parent or it can be opened.
   */
  parentNote: Nullable(Type.String()),
  /** Nearest parent first. */
  lineage: Type.Array(Type.String()),
  data: Type.String(),
  properties: StringMap,
  appearances: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      shapeId: Type.String(),
      direction: DocumentDirectionSchema,
      port: Nullable(Type.String()),
      error: Nullable(Type.String()),
      properties: StringMap,
    }),
  ),
  logs: Type.Array(RunLogSchema),
});
export type DocumentDetail = Static<typeof DocumentDetailSchema>;

/** A test input document: data and (when answered by the server, always) properties. */
export const PinnedDocumentSchema = Type.Object({
  data: Type.String(),
  properties: Type.Optional(StringMap),
});
export type PinnedDocument = Static<typeof PinnedDocumentSchema>;

export const PinnedInputSchema = Type.Object({ documents: Type.Array(PinnedDocumentSchema) });
