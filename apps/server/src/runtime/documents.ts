import type { RunContext, RunDocument } from './types.ts';

/** The same logical document with its own property map (a Branch copy, a changed document). */
export function copyDocument(
  doc: RunDocument,
  change: Partial<Pick<RunDocument, 'data' | 'properties'>> = {},
): RunDocument {
  return {
    ...doc,
    data: change.data ?? doc.data,
    properties: { ...(change.properties ?? doc.properties) },
  };
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
