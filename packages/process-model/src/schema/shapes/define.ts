import Type, { type TSchema } from 'typebox';

/** The envelope every shape shares: a `kind` discriminant, a display label, a typed config. */
export function shape<K extends string, C extends TSchema>(kind: K, config: C) {
  return Type.Object(
    {
      kind: Type.Literal(kind),
      /** Display label; empty means "use the kind's summary". */
      label: Type.String({ maxLength: 120 }),
      config,
    },
    { additionalProperties: false },
  );
}

/** Configurations are closed: an unknown field is a typo or a newer file, never ignored. */
export function strictObject<P extends Record<string, TSchema>>(properties: P) {
  return Type.Object(properties, { additionalProperties: false });
}

/** A short, single-line name (property names, cache names, route keys). */
export const NameSchema = Type.String({ maxLength: 200 });

/** Free text a user writes into a dialog (messages, titles). Notify caps its text at 10,000. */
export const TextSchema = Type.String({ maxLength: 10_000 });
