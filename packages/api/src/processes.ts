import type { ProcessDocument } from '@junction/process-model';
import Type, { type Static } from 'typebox';
import { IssueSchema } from './errors.ts';
import { StoredRunStatusSchema } from './runs.ts';
import { Nullable, OpenObject } from './schema-helpers.ts';

/**
 * A process file in an answer. Open: the file format is process-model's (its full
 * schema describes request bodies), and serialising through that recursive schema
 * would cost more than the answer.
 */
export const ProcessDocumentViewSchema = Type.Unsafe<ProcessDocument>(
  OpenObject('A Junction process file (packages/process-model/schema).'),
);

/** The latest run of a process (test or execution), for the process list. */
export const LastRunSchema = Type.Object({
  id: Type.String(),
  status: StoredRunStatusSchema,
  startedAt: Type.String({ format: 'date-time' }),
});
export type LastRun = Static<typeof LastRunSchema>;

export const ProcessSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  revision: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
  /** Null when the process has never run (or its runs are past retention). */
  lastRun: Nullable(LastRunSchema),
});
export type ProcessSummary = Static<typeof ProcessSummarySchema>;

export const ProcessListSchema = Type.Object({
  items: Type.Array(ProcessSummarySchema),
  total: Type.Integer(),
});

export const StoredProcessSchema = Type.Object({
  document: ProcessDocumentViewSchema,
  revision: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type StoredProcess = Static<typeof StoredProcessSchema>;

/** A stored process with what validation finds in it now. */
export const ProcessViewSchema = Type.Object({
  ...StoredProcessSchema.properties,
  issues: Type.Array(IssueSchema),
});
export type ProcessView = Static<typeof ProcessViewSchema>;

export const ProcessCreatedSchema = Type.Object({
  id: Type.String(),
  revision: Type.Integer(),
  document: ProcessDocumentViewSchema,
});

export const ProcessSavedSchema = Type.Object({
  revision: Type.Integer(),
  issues: Type.Array(IssueSchema),
});

/** 409 to a save: someone saved after the revision the client edited. */
export const SaveConflictSchema = Type.Object({
  error: Type.String(),
  message: Type.String(),
  current: StoredProcessSchema,
});

export const ProcessImportedSchema = Type.Object({
  id: Type.String(),
  revision: Type.Integer(),
  issues: Type.Array(IssueSchema),
});

export const ValidationResultSchema = Type.Object({ issues: Type.Array(IssueSchema) });

/**
 * Who saved a revision: the install's own access (no token, or the access token),
 * a Platform API token (by its name), a token of an account above the viewer's
 * (`parent-account`: its name is that account's to see), or `unknown` for
 * revisions saved before authors were recorded.
 */
export const RevisionAuthorSchema = Type.Union([
  Type.Object({ kind: Type.Literal('install') }),
  Type.Object({
    kind: Type.Literal('token'),
    tokenId: Type.String(),
    /** The token's name; null if the token's record is gone. */
    name: Nullable(Type.String()),
  }),
  Type.Object({ kind: Type.Literal('parent-account') }),
  Type.Object({ kind: Type.Literal('unknown') }),
]);
export type RevisionAuthor = Static<typeof RevisionAuthorSchema>;

export const RevisionSummarySchema = Type.Object({
  revision: Type.Integer(),
  savedAt: Type.String({ format: 'date-time' }),
  author: RevisionAuthorSchema,
  /** The older revision this one restored, when it was made by Restore. */
  restoredFrom: Nullable(Type.Integer()),
});
export type RevisionSummary = Static<typeof RevisionSummarySchema>;

export const RevisionListSchema = Type.Object({ items: Type.Array(RevisionSummarySchema) });

export const ProcessRevisionSchema = Type.Object({
  revision: Type.Integer(),
  document: ProcessDocumentViewSchema,
});
export type RevisionList = Static<typeof RevisionListSchema>;
export type ProcessRevision = Static<typeof ProcessRevisionSchema>;

/**
 * What replacing a stored process with a process file would change: the file as it
 * would be saved (under the stored process's id) and the stored latest revision to
 * compare it with. Nothing is stored; replacing saves `document` with If-Match
 * `current.revision`, so a save made in between is a conflict, not a silent loss.
 */
export const ProcessReplacePreviewSchema = Type.Object({
  document: ProcessDocumentViewSchema,
  /** The id the file carried: another process's when it was exported from one. */
  fileId: Type.String(),
  issues: Type.Array(IssueSchema),
  current: ProcessRevisionSchema,
});
export type ProcessReplacePreview = Static<typeof ProcessReplacePreviewSchema>;

/** A Boomi shape that became a shape of this product. */
export const BoomiMappedShapeSchema = Type.Object({
  boomiName: Type.String(),
  boomiType: Type.String(),
  label: Type.String(),
  id: Type.String(),
  kind: Type.String(),
});

/** What a Boomi import left out (a whole shape, or parts of its configuration) and the note saying so. */
export const BoomiOmissionSchema = Type.Object({
  boomiName: Type.String(),
  boomiType: Type.String(),
  label: Type.String(),
  shapeDropped: Type.Boolean(),
  lost: Type.Array(Type.String()),
  noteId: Type.String(),
});

/**
 * The preview of a Boomi process import: nothing is stored. Creating the process
 * sends `document` to the JSON import (`POST /api/processes/import`).
 */
export const BoomiImportPreviewSchema = Type.Object({
  document: ProcessDocumentViewSchema,
  mapped: Type.Array(BoomiMappedShapeSchema),
  omitted: Type.Array(BoomiOmissionSchema),
  issues: Type.Array(IssueSchema),
});
export type BoomiImportPreview = Static<typeof BoomiImportPreviewSchema>;
