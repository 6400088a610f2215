import type { RunRecord } from '@junction/api';
import { useQueries } from '@tanstack/react-query';
import { documentPageQuery } from './run-queries.ts';

/** Every document in error, with its shape and message; a click opens it at its shape. */
export function RunErrors({
  run,
  shapeTitle,
  onOpen,
}: {
  run: RunRecord;
  shapeTitle: (id: string) => string;
  onOpen: (shapeId: string, documentId: string) => void;
}) {
  const failing = Object.entries(run.shapes)
    .filter(([, s]) => s.documentsInError > 0)
    .map(([id]) => id);
  const pages = useQueries({
    queries: failing.map((id) => documentPageQuery(run.id, id, 'error', 0)),
  });
  if (failing.length === 0) {
    return <p className="hint">{run.error ? run.error : 'No document failed.'}</p>;
  }
  return (
    <ul className="error-list" aria-label="Documents in error">
      {failing.flatMap((shapeId, i) =>
        (pages[i]?.data?.items ?? []).map((doc) => (
          <li key={`${shapeId}:${doc.documentId}`}>
            <button type="button" onClick={() => onOpen(shapeId, doc.documentId)}>
              <strong>{shapeTitle(shapeId)}</strong>: {doc.error ?? 'failed'}
            </button>
          </li>
        )),
      )}
    </ul>
  );
}
