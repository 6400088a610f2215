import type { WaitingDocument } from '@junction/api';

export interface EditedDocument {
  id: string;
  data: string;
  properties: Record<string, string>;
}

/**
 * The waiting documents a builder changed, from the pause panel's text fields: only
 * those whose data or properties differ are sent, so the run keeps the rest exactly
 * as they arrived. Properties are a JSON object of text values.
 */
export function readEdits(
  waiting: readonly WaitingDocument[],
  drafts: Readonly<Record<string, { data: string; properties: string }>>,
): { documents: EditedDocument[] } | { problem: string } {
  const documents: EditedDocument[] = [];
  for (const doc of waiting) {
    const draft = drafts[doc.id];
    if (!draft) {
      continue;
    }
    let properties: unknown;
    try {
      properties = JSON.parse(draft.properties);
    } catch {
      return { problem: `Properties of document ${doc.id} are not valid JSON.` };
    }
    if (
      typeof properties !== 'object' ||
      properties === null ||
      Array.isArray(properties) ||
      !Object.values(properties).every((value) => typeof value === 'string')
    ) {
      return {
        problem: `Properties of document ${doc.id} must be a JSON object whose values are text.`,
      };
    }
    const record = properties as Record<string, string>;
    const sameProperties = JSON.stringify(record) === JSON.stringify(doc.properties);
    if (draft.data !== doc.data || !sameProperties) {
      documents.push({ id: doc.id, data: draft.data, properties: record });
    }
  }
  return { documents };
}
