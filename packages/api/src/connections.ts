import type { JsonSchemaProfile } from '@junction/process-model';
import Type, { type Static } from 'typebox';

/** `junction-platform`: this server's Platform API, authenticated by a stored `jct_` token. */
export const ConnectionKindSchema = Type.Union([
  Type.Literal('cloudblue-connect'),
  Type.Literal('sandbox'),
  Type.Literal('junction-platform'),
]);
export type ConnectionKind = Static<typeof ConnectionKindSchema>;

/**
 * What the API shows of a connection. Never the token: it is write-only, and this
 * closed schema drops it from any answer even if a handler returned it.
 */
export const ConnectionViewSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: ConnectionKindSchema,
  endpoint: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ConnectionView = Static<typeof ConnectionViewSchema>;

export const ConnectionListSchema = Type.Object({ items: Type.Array(ConnectionViewSchema) });

export const ConnectionTestResultSchema = Type.Object({
  ok: Type.Boolean(),
  message: Type.String(),
});
export type ConnectionTestResult = Static<typeof ConnectionTestResultSchema>;

/** Import Operation: a sample record of an object and the profile inferred from it. */
export const BrowseResultSchema = Type.Object({
  object: Type.String(),
  sample: Type.Unknown(),
  profile: Type.Unsafe<JsonSchemaProfile | null>(
    Type.Unknown({ description: 'A JSON Schema profile, or null.' }),
  ),
});
export type BrowseResult = Static<typeof BrowseResultSchema>;
