import { deriveDocument } from '../documents.ts';
import { parseFieldPath, readPath, valueText } from '../field-path.ts';
import { documentJson } from '../json-document.ts';
import type { DocumentError, RunDocument, ShapeHandler } from '../types.ts';

/**
 * Find Changes (§3.3): each record (a JSON document, or each element of a JSON
 * array document) is compared by its key with the snapshot the previous successful
 * execution saved. New keys go to Add, changed records to Update, keys that
 * disappeared to Delete (with the old record); unchanged records go nowhere. The
 * first ever run sends everything to Add. The new snapshot is saved only when the
 * whole execution succeeds, so a failed run is compared again next time.
 */
export const findChangesHandler: ShapeHandler<'find-changes'> = {
  async run(shape, inputs, ctx) {
    const { cache, keyPath } = shape.config;
    const path = parseFieldPath(keyPath);
    const previous = (await ctx.snapshots.load(ctx.process.id, cache)) ?? new Map<string, string>();
    const current = new Map<string, string>();
    const add: RunDocument[] = [];
    const update: RunDocument[] = [];
    const errors: DocumentError[] = [];
    for (const doc of inputs) {
      try {
        if (!path) {
          throw new Error(`"${keyPath}" is not a field path.`);
        }
        // Only read (each record's text is written afresh below): a kept value is used as is.
        const parsed: unknown = documentJson(doc);
        for (const record of Array.isArray(parsed) ? parsed : [parsed]) {
          const key = valueText(readPath(record, path));
          if (key === '') {
            throw new Error(`a record has no key at "${keyPath}".`);
          }
          const text = JSON.stringify(record);
          current.set(key, text);
          const before = previous.get(key);
          if (before === undefined) {
            add.push(deriveDocument(doc, text, ctx));
          } else if (before !== text) {
            update.push(deriveDocument(doc, text, ctx));
          }
        }
      } catch (error) {
        errors.push({ document: doc, message: `Find Changes: ${(error as Error).message}` });
      }
    }
    const removed = [...previous].filter(([key]) => !current.has(key));
    const deleted = removed.map(([, text]) => ({
      id: ctx.newDocumentId(),
      data: text,
      properties: {},
    }));
    ctx.onSuccess(() => ctx.snapshots.save(ctx.process.id, cache, current));
    return {
      outputs: new Map([
        ['add', add],
        ['update', update],
        ['delete', deleted],
      ]),
      errors,
    };
  },
};
