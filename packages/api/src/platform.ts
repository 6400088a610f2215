import Type, { type Static } from 'typebox';
import { OpenObject } from './schema-helpers.ts';

/** Boomi's environment classification. */
export const EnvironmentClassificationSchema = Type.Union([
  Type.Literal('PROD'),
  Type.Literal('TEST'),
]);
export type EnvironmentClassification = Static<typeof EnvironmentClassificationSchema>;

export const EnvironmentViewSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  classification: EnvironmentClassificationSchema,
  createdAt: Type.String({ format: 'date-time' }),
});
export type EnvironmentView = Static<typeof EnvironmentViewSchema>;

export const ScheduleInputSchema = Type.Object({ cron: Type.String(), timeZone: Type.String() });
export type ScheduleInput = Static<typeof ScheduleInputSchema>;

export const ScheduleViewSchema = Type.Object({
  id: Type.String(),
  ...ScheduleInputSchema.properties,
});
export type ScheduleView = Static<typeof ScheduleViewSchema>;

export const DeploymentViewSchema = Type.Object({
  id: Type.String(),
  environmentId: Type.String(),
  processId: Type.String(),
  revision: Type.Integer(),
  active: Type.Boolean(),
  deployedAt: Type.String({ format: 'date-time' }),
  schedules: Type.Array(ScheduleViewSchema),
});
export type DeploymentView = Static<typeof DeploymentViewSchema>;

/**
 * A Platform API object (Account, Environment, Process, Deployment, ExecutionRecord,
 * Connection, Token) or an Execute action's answer. Open: each object has its own
 * fields, and a Token's secret is shown in the create answer.
 */
export const PlatformObjectSchema = Type.Unsafe<unknown>(
  OpenObject('A Platform API object or action result.'),
);

/** Query and queryMore answer 100 objects a page; `queryToken` is there while more remain. */
export const PlatformQueryPageSchema = Type.Object({
  numberOfResults: Type.Integer(),
  result: Type.Array(Type.Unknown()),
  queryToken: Type.Optional(Type.String()),
});
export type PlatformQueryPage<T = unknown> = Omit<
  Static<typeof PlatformQueryPageSchema>,
  'result'
> & { result: T[] };
