import Type, { type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { own } from '../own.ts';
import { ID_PATTERN, isSafeKey } from '../schema/common.ts';
import { ConnectWebhookListenerSchema, HttpListenerSchema } from '../schema/listener.ts';
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

const LISTENER_SCHEMAS: Record<string, TSchema> = {
  http: HttpListenerSchema,
  'connect-webhook': ConnectWebhookListenerSchema,
};

/**
 * A Listen Start's listener checked against its own kind's schema, so a wrong field
 * is reported at the field rather than as a mismatch of the whole listener union.
 * Undefined when the shape is not a listen Start of a known kind, or its listener is fine.
 */
function listenerIssues(shape: unknown, prefix: string): ValidationIssue[] | undefined {
  const config = (shape as { kind?: unknown; config?: unknown }).config;
  if ((shape as { kind?: unknown }).kind !== 'start' || typeof config !== 'object' || !config) {
    return undefined;
  }
  const { mode, listener } = config as { mode?: unknown; listener?: unknown };
  const kind = (listener as { kind?: unknown } | null)?.kind;
  const schema =
    mode === 'listen' && typeof kind === 'string' ? own(LISTENER_SCHEMAS, kind) : undefined;
  if (!schema) {
    return undefined;
  }
  const found = schemaIssues(schema, listener, `${prefix}/config/listener`);
  return found.length > 0 ? found : undefined;
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
    const prefix = pointerOf('shapes', id);
    const found = listenerIssues(shape, prefix) ?? schemaIssues(schema as TSchema, shape, prefix);
    for (const issue of found) {
      issues.push({ ...issue, shapeId: id });
    }
  }
  return issues;
}
