import Type, { type Static } from 'typebox';
import { strictObject } from './define.ts';

/**
 * Map functions (Boomi's "map functions"): steps a mapping row applies, in order,
 * to the value it read from its source field before writing it to the target. Each
 * step is data (no code, no patterns): the runtime compiles the chain once per
 * shape. Texts are capped so a process file cannot make a step's work unbounded.
 */

const ShortText = Type.String({ maxLength: 1_000 });
const FieldPath = Type.String({ maxLength: 1_000 });

/** A value a step combines with: another source field, or a constant. */
export const MapOperandSchema = Type.Union([
  strictObject({ type: Type.Literal('field'), path: FieldPath }),
  strictObject({ type: Type.Literal('constant'), value: ShortText }),
]);
export type MapOperand = Static<typeof MapOperandSchema>;

const noArgs = <F extends string>(fn: F) => strictObject({ fn: Type.Literal(fn) });

/** Most items a concatenation or a lookup table may hold. */
export const MAX_CONCAT_PARTS = 50;
export const MAX_LOOKUP_ENTRIES = 10_000;
/** Longest text `pad` may make: a step cannot turn a value into megabytes. */
export const MAX_PAD_LENGTH = 1_000;

export const MapFunctionStepSchema = Type.Union([
  noArgs('upper'),
  noArgs('lower'),
  noArgs('trim'),
  /** Appends each part after the value, `separator` between all of them. */
  strictObject({
    fn: Type.Literal('concat'),
    parts: Type.Array(MapOperandSchema, { maxItems: MAX_CONCAT_PARTS }),
    separator: ShortText,
  }),
  /** Characters from `start` (0-based); `length` omitted means to the end. */
  strictObject({
    fn: Type.Literal('substring'),
    start: Type.Integer({ minimum: 0 }),
    length: Type.Optional(Type.Integer({ minimum: 0 })),
  }),
  /** Every occurrence of the literal text `search` (no pattern) becomes `replacement`. */
  strictObject({ fn: Type.Literal('replace'), search: ShortText, replacement: ShortText }),
  strictObject({
    fn: Type.Literal('pad'),
    side: Type.Union([Type.Literal('start'), Type.Literal('end')]),
    length: Type.Integer({ minimum: 0, maximum: MAX_PAD_LENGTH }),
    fill: Type.String({ minLength: 1, maxLength: 10 }),
  }),
  /** Arithmetic with another field or a constant; the value and the operand must be numbers. */
  strictObject({
    fn: Type.Union([
      Type.Literal('add'),
      Type.Literal('subtract'),
      Type.Literal('multiply'),
      Type.Literal('divide'),
    ]),
    operand: MapOperandSchema,
  }),
  /** Half away from zero, to `places` decimals; the result stays a number. */
  strictObject({ fn: Type.Literal('round'), places: Type.Integer({ minimum: 0, maximum: 15 }) }),
  /** The number as text with exactly `decimals` decimals (`12.5` → `"12.50"`). */
  strictObject({
    fn: Type.Literal('format-number'),
    decimals: Type.Integer({ minimum: 0, maximum: 20 }),
  }),
  /** Reads text as a date with a mask (`dd/MM/yyyy`, as Cleanse's date rule), in UTC. */
  strictObject({ fn: Type.Literal('parse-date'), format: Type.String({ maxLength: 100 }) }),
  /** Writes a date (parsed, or ISO 8601 text) with a mask, in UTC. */
  strictObject({ fn: Type.Literal('format-date'), format: Type.String({ maxLength: 100 }) }),
  /**
   * A cross-reference table: the value (as text) is looked up by key; no match
   * gives `default`, or no value when `default` is omitted. Entries are a list,
   * not an object, so any text is a key (`__proto__` too) and diffs stay line-wise.
   */
  strictObject({
    fn: Type.Literal('lookup'),
    table: Type.Array(strictObject({ key: ShortText, value: ShortText }), {
      maxItems: MAX_LOOKUP_ENTRIES,
    }),
    default: Type.Optional(ShortText),
  }),
  /** `value` when the value is missing, null or empty text; otherwise the value unchanged. */
  strictObject({ fn: Type.Literal('default'), value: ShortText }),
]);
export type MapFunctionStep = Static<typeof MapFunctionStepSchema>;
export type MapFunctionName = MapFunctionStep['fn'];

/** Most steps one row may chain. */
export const MAX_MAP_STEPS = 20;
