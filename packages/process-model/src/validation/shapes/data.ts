import type { ParameterValue } from '../../schema/common.ts';
import type { ShapeOfKind } from '../../schema/shapes.ts';
import type { ShapeIssues } from '../shape-context.ts';

export function dataProcessIssues({ config }: ShapeOfKind<'data-process'>, at: ShapeIssues): void {
  if (config.steps.length === 0) {
    at.warning('data-process.empty', 'No steps: documents pass through unchanged.', 'steps');
  }
  config.steps.forEach((step, i) => {
    switch (step.type) {
      case 'split':
        at.fieldPath(
          step.path,
          'data-process.split-path',
          'the path of the array to split',
          'steps',
          i,
          'path',
        );
        break;
      case 'custom-script':
        if (step.source.trim() === '') {
          at.error('data-process.script-empty', 'Write the script.', 'steps', i, 'source');
        }
        break;
      case 'search-replace':
        if (step.search === '') {
          at.error(
            'data-process.search-missing',
            'Enter the text to search for.',
            'steps',
            i,
            'search',
          );
        } else if (step.regex) {
          at.regex(step.search, 'data-process.search-regex-invalid', 'steps', i, 'search');
        }
        break;
      default:
        break;
    }
  });
}

function cacheName(cache: string, at: ShapeIssues): void {
  if (cache.trim() === '') {
    at.error('cache.name-missing', 'Name the cache.', 'cache');
  }
}

function cacheSelector(
  config: { cache: string; allDocuments: boolean; key: readonly ParameterValue[] },
  at: ShapeIssues,
): void {
  cacheName(config.cache, at);
  if (config.allDocuments && config.key.length > 0) {
    at.warning('cache.key-ignored', 'All documents are taken; the key is ignored.', 'key');
  } else if (!config.allDocuments && config.key.length === 0) {
    at.error('cache.key-missing', 'Add a key, or choose all documents.', 'key');
  }
  const added = Object.values(at.doc.shapes).some(
    (s) => s.kind === 'add-to-cache' && s.config.cache === config.cache,
  );
  if (config.cache.trim() !== '' && !added) {
    // Not an error: a parent process may fill the cache before calling this one.
    at.warning(
      'cache.never-added',
      `No Add to Cache shape here writes “${config.cache}”.`,
      'cache',
    );
  }
}

export function addToCacheIssues({ config }: ShapeOfKind<'add-to-cache'>, at: ShapeIssues): void {
  cacheName(config.cache, at);
  if (config.key.length === 0) {
    at.error('cache.key-missing', 'Add the key the documents are cached under.', 'key');
  }
}

export function retrieveFromCacheIssues(
  { config }: ShapeOfKind<'retrieve-from-cache'>,
  at: ShapeIssues,
): void {
  cacheSelector(config, at);
}

export function removeFromCacheIssues(
  { config }: ShapeOfKind<'remove-from-cache'>,
  at: ShapeIssues,
): void {
  cacheSelector(config, at);
}

export function findChangesIssues({ config }: ShapeOfKind<'find-changes'>, at: ShapeIssues): void {
  cacheName(config.cache, at);
  at.fieldPath(config.keyPath, 'find-changes.key-path', 'the path of the record key', 'keyPath');
}
