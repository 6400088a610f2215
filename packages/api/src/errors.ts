import Type, { type Static } from 'typebox';

/** A problem found in a process or a request; `pointer` is a JSON pointer into it. */
export const IssueSchema = Type.Object({
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  code: Type.String(),
  message: Type.String(),
  pointer: Type.String(),
  shapeId: Type.Optional(Type.String()),
});
export type Issue = Static<typeof IssueSchema>;

/**
 * Every 4xx/5xx answer (the server's error policy). Open, because an error may
 * carry details the client acts on (a save conflict's `current` revision).
 */
export const ErrorBodySchema = Type.Object(
  {
    error: Type.String({ description: 'A stable code, e.g. not-found, conflict, bad-request.' }),
    message: Type.String(),
    issues: Type.Optional(Type.Array(IssueSchema)),
  },
  { additionalProperties: true },
);
export type ErrorBody = Static<typeof ErrorBodySchema>;
