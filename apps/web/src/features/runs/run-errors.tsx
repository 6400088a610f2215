import type { RunRecord } from '@junction/api';
import { useQueries } from '@tanstack/react-query';
import { useId } from 'react';
import { failingShapes, groupErrorsByShape } from './error-groups.ts';
import { documentPageQuery } from './run-queries.ts';
import './run-views.css';

/**
 * The run's errors grouped under each shape that failed, with how many documents
 * failed there; a click on an error selects the shape and opens the failing
 * document in the inspector.
 */
export function RunErrors({
  run,
  shapeTitle,
  onOpen,
}: {
  run: RunRecord;
  shapeTitle: (id: string) => string;
  onOpen: (shapeId: string, documentId: string) => void;
}) {
  const ids = useId();
  const failing = failingShapes(run);
  const pages = useQueries({
    queries: failing.map((id) => documentPageQuery(run.id, id, 'error', 0)),
  });
  const groups = groupErrorsByShape(
    run,
    Object.fromEntries(failing.map((id, i) => [id, pages[i]?.data?.items])),
  );
  if (groups.length === 0) {
    return <p className="hint">{run.error ? run.error : 'No document failed.'}</p>;
  }
  return (
    <section className="error-groups" aria-label="Errors by shape">
      <p className="hint">Choose an error to open its document at the shape.</p>
      {groups.map((group, i) => {
        const title = shapeTitle(group.shapeId);
        const loading = pages[failing.indexOf(group.shapeId)]?.isPending ?? false;
        return (
          <section key={group.shapeId} className="error-group" aria-labelledby={`${ids}-${i}`}>
            <h3 id={`${ids}-${i}`}>
              {title}{' '}
              <span className="error-group__count">
                ({group.count} {group.count === 1 ? 'document' : 'documents'})
              </span>
            </h3>
            {group.processError && <p className="is-error">{group.processError}</p>}
            {loading && group.count > 0 && <p className="hint">Loading errors…</p>}
            {group.errors.length > 0 && (
              <ul aria-label={`Errors at ${title}`}>
                {group.errors.map((error, n) => (
                  <li key={error.documentId}>
                    <button type="button" onClick={() => onOpen(group.shapeId, error.documentId)}>
                      <span className="error-group__index">#{n + 1}</span>
                      <span>{error.message}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {group.errors.length > 0 && group.count > group.errors.length && (
              <p className="hint">
                The first {group.errors.length} of {group.count}; the rest are in the shape's In
                error list.
              </p>
            )}
          </section>
        );
      })}
    </section>
  );
}
