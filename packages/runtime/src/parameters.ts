import { formatDate, own, type Parameter, type ParameterValue } from '@junction/process-model';
import { type FieldPathSegment, parseFieldPath, readPath, valueText } from './field-path.ts';
import { JsonDocument } from './json-document.ts';
import { executionProperty } from './properties.ts';
import type { RunContext, RunDocument } from './types.ts';

// Paths come from process configs, so there are few distinct ones, each read once
// per document: parse each once. The bound keeps a long-lived server's cache small.
const profilePaths = new Map<string, readonly FieldPathSegment[]>();

function profilePath(path: string): readonly FieldPathSegment[] {
  let segments = profilePaths.get(path);
  if (segments === undefined) {
    // Dotted numeric steps (`items.0.id`) were accepted before bracket indices existed.
    segments = parseFieldPath(path) ?? path.split('.');
    if (profilePaths.size >= 1_000) {
      profilePaths.clear();
    }
    profilePaths.set(path, segments);
  }
  return segments;
}

/** What a document's text parsed to, or that it is not JSON. */
const NOT_JSON = Symbol('not JSON');

/**
 * The last plain document (no kept value: a start document, a Message's output) whose
 * fields were read, with its text and what that parsed to. A shape reads each of its
 * parameters in turn for one document, so a Message or Set Properties with many fields
 * of one large document parses it once, not once a field. One entry, held weakly: a
 * cache per document would keep every parsed value alive, and a strong one would keep
 * the last run's document (another account's, perhaps) after its run has ended.
 */
let lastPlain = new WeakMap<RunDocument, { data: string; value: unknown }>();

function fieldsOf(doc: RunDocument): unknown {
  if (JsonDocument.keeps(doc)) {
    return JsonDocument.json(doc);
  }
  const last = lastPlain.get(doc);
  if (last !== undefined && last.data === doc.data) {
    return last.value;
  }
  let value: unknown;
  try {
    value = JSON.parse(doc.data);
  } catch {
    value = NOT_JSON;
  }
  lastPlain = new WeakMap([[doc, { data: doc.data, value }]]);
  return value;
}

/**
 * Reads a field path (`asset.product.id`, `items.0.id`, `items[0].id`) from a JSON
 * document; '' when the document is not JSON or the field is missing.
 */
export function readProfileElement(doc: RunDocument, path: string): string {
  const value = fieldsOf(doc);
  return value === NOT_JSON ? '' : valueText(readPath(value, profilePath(path)));
}

/** The value of one parameter for one document (process-semantics.md §5). */
export function parameterValue(value: ParameterValue, doc: RunDocument, ctx: RunContext): string {
  switch (value.type) {
    case 'static':
      return value.value;
    case 'document-property':
      return own(doc.properties, value.name) ?? '';
    case 'process-property':
      return ctx.processProperties.get(value.name) ?? '';
    case 'profile-element':
      return readProfileElement(doc, value.path);
    case 'current-date':
      // Read per document, as Boomi does: a long batch sees the clock move.
      return formatDate(new Date(), value.format);
    case 'execution-property':
      return executionProperty(value.name, ctx);
  }
}

/** Set Properties, cache keys: the concatenation of an ordered list of values. */
export function concatenatedValue(
  parts: readonly ParameterValue[],
  doc: RunDocument,
  ctx: RunContext,
): string {
  // One part is the common case; skip the array and join per document.
  if (parts.length === 1 && parts[0]) {
    return parameterValue(parts[0], doc, ctx);
  }
  return parts.map((part) => parameterValue(part, doc, ctx)).join('');
}

export function resolveParameters(
  parameters: readonly Parameter[],
  doc: RunDocument,
  ctx: RunContext,
): Map<string, string> {
  return new Map(parameters.map((p) => [p.name, parameterValue(p.value, doc, ctx)]));
}
