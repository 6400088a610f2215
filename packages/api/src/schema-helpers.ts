import Type, { type TSchema } from 'typebox';

/** A value that may be JSON null (OpenAPI 3.1 / JSON Schema `type: null`). */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * An object whose properties are not the contract's to fix (process documents,
 * Platform API objects): serialising through a closed schema would drop them.
 */
export const OpenObject = (description: string) =>
  Type.Object({}, { additionalProperties: true, description });

/** Name → string: document properties. */
export const StringMap = Type.Record(Type.String(), Type.String());
