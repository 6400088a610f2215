import Type, { type Static } from 'typebox';

/**
 * Breakpoints and stepping in Test mode: a run pauses before a breakpoint shape with
 * the documents waiting there, and a builder answers with Continue, Step or Stop,
 * optionally editing waiting documents first.
 */

/** At most this many shapes carry a breakpoint in one test run. */
export const MAX_BREAKPOINTS = 200;
/** The waiting documents a pause shows (and a builder may edit); the rest go on unchanged. */
export const PAUSE_DOCUMENTS_SHOWN = 50;

export const PauseReasonSchema = Type.Union([Type.Literal('breakpoint'), Type.Literal('step')]);
export type PauseReason = Static<typeof PauseReasonSchema>;

export const PauseActionSchema = Type.Union([
  Type.Literal('continue'),
  Type.Literal('step'),
  Type.Literal('stop'),
]);
export type PauseAction = Static<typeof PauseActionSchema>;

const Properties = Type.Record(Type.String(), Type.String());

/** A document waiting before the paused shape. */
export const WaitingDocumentSchema = Type.Object({
  id: Type.String(),
  data: Type.String(),
  properties: Properties,
});
export type WaitingDocument = Static<typeof WaitingDocumentSchema>;

/** Where a run is paused: the pause number answers name, so a stale answer is refused. */
export const PauseStateSchema = Type.Object({
  pause: Type.Integer({ minimum: 1 }),
  shapeId: Type.String(),
  reason: PauseReasonSchema,
  /** The first PAUSE_DOCUMENTS_SHOWN waiting documents. */
  documents: Type.Array(WaitingDocumentSchema),
  /** Every document waiting, shown or not. */
  documentCount: Type.Integer({ minimum: 0 }),
  /** When the run ends ABORTED unless someone answers (JUNCTION_DEBUG_IDLE_MINUTES). */
  expiresAt: Type.String({ format: 'date-time' }),
});
export type PauseState = Static<typeof PauseStateSchema>;

/** `POST /api/runs/:id/debug`: what to do at the pause, with edited waiting documents. */
export const PauseAnswerBodySchema = Type.Object(
  {
    pause: Type.Integer({ minimum: 1 }),
    action: PauseActionSchema,
    /** Replacements for waiting documents, by id; documents not named go on as they were. */
    documents: Type.Optional(
      Type.Array(
        Type.Object(
          { id: Type.String(), data: Type.String(), properties: Type.Optional(Properties) },
          { additionalProperties: false },
        ),
        { maxItems: PAUSE_DOCUMENTS_SHOWN },
      ),
    ),
  },
  { additionalProperties: false },
);
export type PauseAnswerBody = Static<typeof PauseAnswerBodySchema>;
