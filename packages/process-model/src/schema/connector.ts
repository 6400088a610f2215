import Type, { type Static } from 'typebox';
import { ParameterSchema } from './common.ts';

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
