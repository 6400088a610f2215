import Type, { type Static } from 'typebox';
import { ParameterSchema } from './common.ts';
import { QueryFilterSchema } from './query-filter.ts';

/**
 * A connector operation: Boomi splits it into a Connection (where) and an
 * Operation (what); Junction keeps the operation inline on the shape and refers
 * to the connection by id, so a process file never carries credentials.
 */
export const ConnectorOperationSchema = Type.Object(
  {
    connector: Type.Literal('cloudblue-connect'),
    /** Id of a stored connection; empty until the user picks one. */
    connectionId: Type.String(),
    action: Type.String(),
    object: Type.String(),
    trackingDirection: Type.Union([Type.Literal('input'), Type.Literal('output')]),
    /** Return Application Error Responses: an API error becomes the output document. */
    returnApplicationErrors: Type.Boolean(),
    parameters: Type.Array(ParameterSchema),
  },
  { additionalProperties: false },
);
export type ConnectorOperation = Static<typeof ConnectorOperationSchema>;

/** Junction Platform API actions (Boomi's Partner API connector actions). */
export const PlatformActionSchema = Type.Union([
  Type.Literal('get'),
  Type.Literal('query'),
  Type.Literal('create'),
  Type.Literal('update'),
  Type.Literal('delete'),
  Type.Literal('execute'),
]);
export type PlatformAction = Static<typeof PlatformActionSchema>;

/**
 * An operation on Junction's own Platform API, modelled on Boomi's AtomSphere
 * Partner API connector (process-semantics.md §11.1). The effective account is the
 * dynamic process property `boomiPartnerApi-overrideAccountId` when set, else
 * `accountId`, else the connection's own account.
 */
export const PlatformOperationSchema = Type.Object(
  {
    connector: Type.Literal('junction-platform'),
    /** Id of a stored connection; empty until the user picks one. */
    connectionId: Type.String(),
    action: PlatformActionSchema,
    /** One of PLATFORM_OBJECTS; empty until the user picks one. */
    object: Type.String(),
    /** One of PLATFORM_EXECUTE_ACTIONS when `action` is `execute`, else ''. */
    executeAction: Type.String(),
    /** The account the call acts in; '' means the connection's own account. */
    accountId: Type.String({ maxLength: 200 }),
    trackingDirection: Type.Union([Type.Literal('input'), Type.Literal('output')]),
    returnApplicationErrors: Type.Boolean(),
    parameters: Type.Array(ParameterSchema),
    /** Query only: the filter tree; `null` queries every record. */
    filter: Type.Union([QueryFilterSchema, Type.Null()]),
    /** JSON profiles (a JSON sample or JSON Schema, as text): documentation for now. */
    requestProfile: Type.Optional(Type.String({ maxLength: 100_000 })),
    responseProfile: Type.Optional(Type.String({ maxLength: 100_000 })),
  },
  { additionalProperties: false },
);
export type PlatformOperation = Static<typeof PlatformOperationSchema>;

/** What a connector shape (and a connector Start) performs: a Connect or a Platform operation. */
export const ConnectorConfigSchema = Type.Union([
  ConnectorOperationSchema,
  PlatformOperationSchema,
]);
export type ConnectorConfig = Static<typeof ConnectorConfigSchema>;
export type ConnectorKind = ConnectorConfig['connector'];
