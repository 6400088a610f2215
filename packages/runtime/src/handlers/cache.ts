import { copyDocument, deriveDocument } from '../documents.ts';
import { concatenatedValue } from '../parameters.ts';
import { onDefaultPort } from '../single-port.ts';
import type { DocumentError, RunContext, RunDocument, ShapeHandler } from '../types.ts';

function cacheOf(ctx: RunContext, name: string): Map<string, RunDocument[]> {
  let cache = ctx.caches.get(name);
  if (!cache) {
    cache = new Map();
    ctx.caches.set(name, cache);
  }
  return cache;
}

/**
 * Add to Cache (§3.3): keeps a copy of each document (data and properties) in a
 * cache that lives for this execution and its subprocesses, under the
 * concatenated key; documents pass on unchanged. An empty key fails the document.
 */
export const addToCacheHandler: ShapeHandler<'add-to-cache'> = {
  async run(shape, inputs, ctx) {
    const cache = cacheOf(ctx, shape.config.cache);
    const outputs: RunDocument[] = [];
    const errors: DocumentError[] = [];
    for (const doc of inputs) {
      const key = concatenatedValue(shape.config.key, doc, ctx);
      if (key === '') {
        errors.push({
          document: doc,
          message: `Add to Cache: the key for cache "${shape.config.cache}" is empty.`,
        });
        continue;
      }
      cache.set(key, [...(cache.get(key) ?? []), copyDocument(doc)]);
      outputs.push(doc);
    }
    return onDefaultPort(outputs, errors);
  },
};

/**
 * Retrieve From Cache (§3.3): replaces each document with the cached documents
 * (data and properties) for its key, or all of them. Nothing cached either fails
 * the document or quietly ends it (Boomi's UI default), per `failIfMissing`.
 */
export const retrieveFromCacheHandler: ShapeHandler<'retrieve-from-cache'> = {
  async run(shape, inputs, ctx) {
    const { cache: name, allDocuments, key, failIfMissing } = shape.config;
    const cache = cacheOf(ctx, name);
    const outputs: RunDocument[] = [];
    const errors: DocumentError[] = [];
    for (const doc of inputs) {
      const lookup = allDocuments ? '' : concatenatedValue(key, doc, ctx);
      const found = allDocuments ? [...cache.values()].flat() : (cache.get(lookup) ?? []);
      if (found.length === 0) {
        const message = `Retrieve From Cache: nothing in cache "${name}"${allDocuments ? '' : ` for key "${lookup}"`}.`;
        if (failIfMissing) {
          errors.push({ document: doc, message });
        } else {
          ctx.log('info', `${message} The document ends here.`, doc.id);
        }
        continue;
      }
      outputs.push(
        ...found.map((cached) => deriveDocument(doc, cached.data, ctx, cached.properties)),
      );
    }
    return onDefaultPort(outputs, errors);
  },
};

/** Remove From Cache (§3.3): drops the entries for each document's key, or the whole cache. */
export const removeFromCacheHandler: ShapeHandler<'remove-from-cache'> = {
  async run(shape, inputs, ctx) {
    const cache = cacheOf(ctx, shape.config.cache);
    if (shape.config.allDocuments) {
      cache.clear();
    } else {
      for (const doc of inputs) {
        cache.delete(concatenatedValue(shape.config.key, doc, ctx));
      }
    }
    return onDefaultPort(inputs);
  },
};
