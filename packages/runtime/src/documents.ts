import { JsonDocument } from './json-document.ts';
import type { RunContext, RunDocument } from './types.ts';

/** What a handler that consumes its inputs leaves in a slot it is done with. */
export const SPENT: RunDocument = Object.freeze({
  id: '',
  data: '',
  properties: Object.freeze({}),
});

/** The same logical document with its own property map (a Branch copy, a changed document). */
export function copyDocument(
  doc: RunDocument,
  change: Partial<Pick<RunDocument, 'data' | 'properties'>> = {},
): RunDocument {
  const properties = { ...(change.properties ?? doc.properties) };
  if (change.data === undefined) {
    // Same data: a parsed value kept beside it stays valid.
    return JsonDocument.withProperties(doc, properties);
  }
  return { ...doc, data: change.data, properties };
}

/** A new document made from `parent` (split, combine, connector response): new id, lineage kept. */
export function deriveDocument(
  parent: RunDocument,
  data: string,
  ctx: RunContext,
  properties: Record<string, string> = parent.properties,
): RunDocument {
  return { id: ctx.newDocumentId(), parentId: parent.id, data, properties: { ...properties } };
}

/**
 * `deriveDocument` for a part of parsed JSON (a split record): the data is
 * `JSON.stringify(value)` and the value is kept for the next shapes to read.
 * The parts share the parent's property map: maps are never changed in place.
 */
export function deriveJsonDocument(parent: RunDocument, value: unknown, ctx: RunContext) {
  return JsonDocument.of(ctx.newDocumentId(), parent.id, parent.properties, value, lazyText(ctx));
}

/**
 * Whether a run's JSON documents write their text only when read (json-document.ts):
 * outside Test mode, where a document may never be read as text. Test mode stores
 * and counts the bytes of every document, so it writes each text at once.
 */
export function lazyText(ctx: RunContext): boolean {
  return !ctx.execution.testMode;
}
