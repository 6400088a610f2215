import Type, { type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { own } from '../own.ts';
import { ID_PATTERN, isSafeKey } from '../schema/common.ts';
import { ProcessDocumentSchema } from '../schema/process.ts';
import { SHAPE_SCHEMAS } from '../schema/shapes.ts';
import { checkerFor } from './checker.ts';
import { pointerOf, type ValidationIssue } from './issue.ts';
import { profileDepthIssues } from './profile-depth.ts';

// The envelope is checked without shapes, then each shape against its own kind's
// schema: a union-wide check would report every kind's mismatch at once.
const EnvelopeSchema = Type.Object(
  {
    ...Type.Omit(ProcessDocumentSchema, ['shapes']).properties,
    // Only "an object" here: each entry is checked against its kind's schema below,
    // and a record check would walk (and pattern-test) every key a second time.
    shapes: Type.Object({}),
  },
  { additionalProperties: false },
);

function schemaIssues(schema: TSchema, value: unknown, prefix: string): ValidationIssue[] {
  // Check short-circuits; collecting every error is only worth it for a bad value.
  if (checkerFor(schema)(value)) {
    return [];
  }
  return Value.Errors(schema, value).map(
    (e): ValidationIssue => ({
      severity: 'error',
      code: `schema.${e.keyword}`,
      message: e.message,
      pointer: `${prefix}${e.instancePath}`,
    }),
  );
}

const ID_RULE = new RegExp(ID_PATTERN);

/**
 * Keys of `record` (shapes, layout) that are not valid ids. The schema checks the
 * records' values only (a key check would walk every key twice), so keys are
 * checked here; a reserved key such as `__proto__` would reach a prototype.
 */
function keyIssues(record: unknown, name: 'shapes' | 'layout'): ValidationIssue[] {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return [];
  }
  return Object.keys(record)
    .filter((id) => !ID_RULE.test(id))
    .map((id) => ({
      severity: 'error',
      code: 'id.invalid',
      message: isSafeKey(id)
        ? `${JSON.stringify(id)} is not a valid id: use 1 to 80 letters, digits and _ . : -`
        : `${JSON.stringify(id)} cannot be an id: it would reach an object's prototype`,
      pointer: pointerOf(name, id),
      ...(name === 'shapes' ? { shapeId: id } : {}),
    }));
}

/** Structural problems: anything that does not match the file format. */
export function structureIssues(value: unknown): ValidationIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [
      { severity: 'error', code: 'schema.type', message: 'must be a JSON object', pointer: '' },
    ];
  }
  const issues = schemaIssues(EnvelopeSchema, value, '');
  const { shapes, layout } = value as { shapes?: unknown; layout?: unknown };
  issues.push(...keyIssues(shapes, 'shapes'), ...keyIssues(layout, 'layout'));
  if (typeof shapes !== 'object' || shapes === null) {
    return issues;
  }
  if (Array.isArray(shapes)) {
    return issues;
  }
  for (const [id, shape] of Object.entries(shapes)) {
    const kind = (shape as { kind?: unknown } | null)?.kind;
    const schema =
      typeof kind === 'string' ? own(SHAPE_SCHEMAS as Record<string, unknown>, kind) : undefined;
    if (!schema) {
      issues.push({
        severity: 'error',
        code: 'shape.unknown-kind',
        message: `unknown shape kind ${JSON.stringify(kind)}`,
        pointer: pointerOf('shapes', id, 'kind'),
        shapeId: id,
      });
      continue;
    }
    const tooDeep = profileDepthIssues(id, shape);
    if (tooDeep.length > 0) {
      issues.push(...tooDeep);
      continue;
    }
    for (const issue of schemaIssues(schema as TSchema, shape, pointerOf('shapes', id))) {
      issues.push({ ...issue, shapeId: id });
    }
  }
  return issues;
}
