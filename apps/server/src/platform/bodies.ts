import { MAX_JSON_DEPTH, nestedDeeperThan } from '@junction/process-model';
import Type, { type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { ROLES } from '../auth/roles.ts';
import { HttpError } from '../errors.ts';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Id = Type.String({ minLength: 1, maxLength: 80 });
const strict = { additionalProperties: false } as const;

export const ScheduleBody = Type.Object(
  {
    // Short enough for a nickname such as @daily; parseCron judges the rest and says why.
    cron: Type.String({ minLength: 1, maxLength: 200 }),
    timeZone: Type.String({ minLength: 1, maxLength: 64, default: 'UTC' }),
  },
  strict,
);
const Schedules = Type.Array(ScheduleBody, { maxItems: 20 });

export const BODIES = {
  accountCreate: Type.Object(
    {
      name: Name,
      id: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' })),
    },
    strict,
  ),
  accountUpdate: Type.Object(
    {
      name: Type.Optional(Name),
      status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('suspended')])),
    },
    strict,
  ),
  environmentCreate: Type.Object(
    {
      name: Name,
      classification: Type.Optional(Type.Union([Type.Literal('PROD'), Type.Literal('TEST')])),
    },
    strict,
  ),
  environmentUpdate: Type.Object(
    {
      name: Type.Optional(Name),
      classification: Type.Optional(Type.Union([Type.Literal('PROD'), Type.Literal('TEST')])),
    },
    strict,
  ),
  processUpdate: Type.Object(
    { revision: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), document: Type.Unknown() },
    strict,
  ),
  deploymentCreate: Type.Object(
    {
      processId: Id,
      environmentId: Id,
      revision: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
      schedules: Type.Optional(Schedules),
    },
    strict,
  ),
  deploymentUpdate: Type.Object(
    { active: Type.Optional(Type.Boolean()), schedules: Type.Optional(Schedules) },
    strict,
  ),
  connectionCreate: Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 120 }),
      kind: Type.Optional(
        Type.Union([Type.Literal('cloudblue-connect'), Type.Literal('junction-platform')]),
      ),
      endpoint: Type.Optional(Type.String({ minLength: 1, maxLength: 500, pattern: '^https?://' })),
      token: Type.String({ minLength: 1, maxLength: 1000 }),
    },
    strict,
  ),
  connectionUpdate: Type.Object(
    {
      name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
      endpoint: Type.Optional(Type.String({ minLength: 1, maxLength: 500, pattern: '^https?://' })),
      token: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    },
    strict,
  ),
  tokenCreate: Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 120 }),
      role: Type.Union(ROLES.map((r) => Type.Literal(r))),
    },
    strict,
  ),
  executeProcess: Type.Object({ processId: Id, environmentId: Type.Optional(Id) }, strict),
  cancelExecution: Type.Object({ executionId: Id }, strict),
  provisionAccount: Type.Object(
    { name: Name, id: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' })) },
    strict,
  ),
} as const;

/**
 * Checks a body here rather than only in the route schema: the Partner API
 * connector hands bodies straight to the service, and they must meet the
 * same rules (and the same 400s) as REST calls.
 */
export function readBody<S extends TSchema>(schema: S, body: unknown): Static<S> {
  // Connector bodies skip the HTTP parser's depth limit; structuredClone and the
  // schema check recurse, so a deep body is refused before either runs.
  if (nestedDeeperThan(body)) {
    throw new HttpError(
      400,
      'bad-request',
      `Invalid body: nested deeper than ${MAX_JSON_DEPTH} levels.`,
    );
  }
  const value = Value.Default(schema, structuredClone(body ?? {}));
  if (!Value.Check(schema, value)) {
    const issues = [...Value.Errors(schema, value)].slice(0, 5);
    throw new HttpError(
      400,
      'bad-request',
      `Invalid body: ${issues.map((i) => `${i.instancePath || '/'} ${i.message}`).join('; ')}`,
    );
  }
  return value as Static<S>;
}
