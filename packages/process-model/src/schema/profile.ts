import Type, { type Static } from 'typebox';

/** The JSON types a profile node may describe. */
export const ProfileTypeSchema = Type.Union([
  Type.Literal('object'),
  Type.Literal('array'),
  Type.Literal('string'),
  Type.Literal('number'),
  Type.Literal('integer'),
  Type.Literal('boolean'),
  Type.Literal('null'),
]);
export type ProfileType = Static<typeof ProfileTypeSchema>;

/**
 * A request or response profile: the typed subset of JSON Schema Junction reads
 * (type, properties, items, required, format, description). Closed, so a full JSON
 * Schema with `$ref`, `oneOf`, … is refused instead of half understood.
 */
export const JsonSchemaProfileSchema = Type.Cyclic(
  {
    JsonSchemaProfile: Type.Object(
      {
        type: ProfileTypeSchema,
        description: Type.Optional(Type.String({ maxLength: 2000 })),
        /** e.g. `date-time`, `date`, `email`, `uri` — informative, not enforced. */
        format: Type.Optional(Type.String({ maxLength: 100 })),
        properties: Type.Optional(
          Type.Record(Type.String({ maxLength: 200 }), Type.Ref('JsonSchemaProfile')),
        ),
        items: Type.Optional(Type.Ref('JsonSchemaProfile')),
        required: Type.Optional(Type.Array(Type.String({ maxLength: 200 }))),
      },
      { additionalProperties: false },
    ),
  },
  'JsonSchemaProfile',
);
export type JsonSchemaProfile = Static<typeof JsonSchemaProfileSchema>;

/** Deeper profiles are refused: every walk over one stays far from the stack limit. */
export const MAX_PROFILE_DEPTH = 32;
