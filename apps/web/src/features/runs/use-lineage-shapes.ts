import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { documentQuery } from './run-queries.ts';

/**
 * The shapes a document and its ancestors passed through: the path that lights
 * up on the canvas when a document is open in the inspector.
 */
export function useLineageShapes(
  runId: string | null,
  documentId: string | null,
): ReadonlySet<string> | undefined {
  const detail = useQuery({
    ...documentQuery(runId ?? '', documentId ?? ''),
    enabled: runId !== null && documentId !== null,
  });
  const ancestors = useQueries({
    queries: (detail.data?.lineage ?? []).map((id) => documentQuery(runId ?? '', id)),
  });
  const ancestorShapes = ancestors
    .flatMap((q) => q.data?.appearances.map((a) => a.shapeId) ?? [])
    .join('\u0000');
  return useMemo(() => {
    if (!detail.data) {
      return undefined;
    }
    const own = detail.data.appearances.map((a) => a.shapeId);
    return new Set([...own, ...(ancestorShapes ? ancestorShapes.split('\u0000') : [])]);
  }, [detail.data, ancestorShapes]);
}
