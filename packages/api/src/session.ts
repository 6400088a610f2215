import Type, { type Static } from 'typebox';

/** A caller's role, least to most: each may do what the ones before it may. */
export const RoleSchema = Type.Union([
  Type.Literal('viewer'),
  Type.Literal('operator'),
  Type.Literal('builder'),
  Type.Literal('admin'),
]);
export type Role = Static<typeof RoleSchema>;

/** Who the browser is: its credentials' account, the account it acts on now, its role. */
export const SessionSchema = Type.Object({
  homeAccountId: Type.String(),
  accountId: Type.String(),
  role: RoleSchema,
});
export type Session = Static<typeof SessionSchema>;

export const HealthSchema = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
});

/** GET /api/ready: whether this server can serve requests that need storage and runs. */
export const ReadySchema = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  database: Type.Union([Type.Literal('ok'), Type.Literal('unreachable')]),
  /** The job queue runs go through; `none` when runs execute in the server. */
  queue: Type.Union([Type.Literal('ok'), Type.Literal('unreachable'), Type.Literal('none')]),
});
export type Ready = Static<typeof ReadySchema>;

/** The built-in sandbox after a reset: its seed, scale and objects per collection. */
export const SandboxSummarySchema = Type.Object({
  seed: Type.Integer(),
  scale: Type.Number(),
  counts: Type.Record(Type.String(), Type.Integer()),
});
export type SandboxSummary = Static<typeof SandboxSummarySchema>;
