import { profileFromJsonSchema } from './profile/profile-from-json-schema.ts';
import { profileFromSample } from './profile/profile-from-sample.ts';
import { EXECUTION_PROPERTY_NAMES, type ExecutionPropertyName } from './schema/common.ts';

/**
 * Version 1 grew in place (new optional fields and value kinds) instead of bumping
 * the schema version, because stored processes are read back without migration.
 * Two earlier spellings are lifted here, inside version 1:
 * - a document-property parameter named `execution.<NAME>` (the runtime's stopgap
 *   before `execution-property` existed) becomes an `execution-property` value;
 * - a Platform operation's text request/response profile (a JSON Schema or a JSON
 *   sample, as text) becomes a typed profile.
 * Anything else passes through untouched; unchanged parts keep their identity.
 */
export function upgradeVersion1(doc: Record<string, unknown>): Record<string, unknown> {
  const shapes = doc['shapes'];
  if (typeof shapes !== 'object' || shapes === null || Array.isArray(shapes)) {
    return doc;
  }
  const lifted = lift(shapes, 0);
  return lifted === shapes ? doc : { ...doc, shapes: lifted };
}

// Parameter values sit a few levels below a shape; the cap keeps hostile nesting cheap.
const MAX_DEPTH = 12;

function lift(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) {
    return value;
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => lift(v, depth + 1));
    return items.some((v, i) => v !== value[i]) ? items : value;
  }
  const record = value as Record<string, unknown>;
  const execution = legacyExecutionProperty(record);
  if (execution) {
    return { type: 'execution-property', name: execution };
  }
  let changed = false;
  const entries = Object.entries(record).map(([key, v]): [string, unknown] => {
    let next = lift(v, depth + 1);
    if (
      (key === 'requestProfile' || key === 'responseProfile') &&
      typeof v === 'string' &&
      record['connector'] === 'junction-platform'
    ) {
      next = profileFromText(v);
    }
    changed ||= next !== v;
    return [key, next];
  });
  return changed ? Object.fromEntries(entries) : value;
}

function legacyExecutionProperty(record: Record<string, unknown>): ExecutionPropertyName | null {
  const name = record['name'];
  if (
    record['type'] !== 'document-property' ||
    typeof name !== 'string' ||
    !name.startsWith('execution.') ||
    Object.keys(record).length !== 2
  ) {
    return null;
  }
  const property = name.slice('execution.'.length);
  return EXECUTION_PROPERTY_NAMES.find((n) => n === property) ?? null;
}

/** A text profile: JSON Schema → narrowed; JSON sample → inferred; other text → a described object. */
function profileFromText(text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { type: 'object', description: text.slice(0, 2000) };
  }
  const narrowed = profileFromJsonSchema(parsed);
  return narrowed ?? profileFromSample(parsed);
}
