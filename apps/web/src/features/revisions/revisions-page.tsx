import type { RevisionSummary } from '@junction/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { hrefFor, navigate, type Route } from '../../lib/router.ts';
import { sessionQuery } from '../accounts/account-queries.ts';
import {
  restoreRevisionRequest,
  revisionListQuery,
  revisionQuery,
} from '../compare/revision-queries.ts';
import { ProcessPreview } from '../designer/canvas/process-preview.tsx';
import { writeSavedCopy } from '../designer/saved-copy.ts';
import { processKeys } from '../processes/process-queries.ts';
import { revisionLine } from './revision-text.ts';

const NO_ISSUES: never[] = [];

function RouteLink(props: { route: Route; children: string; current?: boolean }) {
  return (
    <a
      href={hrefFor(props.route)}
      aria-current={props.current ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        navigate(props.route);
      }}
    >
      {props.children}
    </a>
  );
}

function RevisionItem(props: { processId: string; summary: RevisionSummary; shown: boolean }) {
  const { summary } = props;
  return (
    <li className={props.shown ? 'is-selected' : undefined}>
      <RouteLink
        route={{ page: 'revisions', processId: props.processId, revision: summary.revision }}
        current={props.shown}
      >
        {`Revision ${summary.revision}`}
      </RouteLink>{' '}
      <span className="hint">{revisionLine(summary)}</span>
    </li>
  );
}

/**
 * A process's revisions, newest first, with who saved each and when; one of them
 * drawn read-only on the designer's canvas, with Restore this revision, which
 * stores it again as the latest (every revision stays). Restoring over a revision
 * someone saved meanwhile is a choice the user makes, as with a save.
 */
export function RevisionsPage({ processId, revision }: { processId: string; revision?: number }) {
  const queryClient = useQueryClient();
  const list = useQuery(revisionListQuery(processId));
  const session = useQuery(sessionQuery);
  const latest = list.data?.[0]?.revision;
  const shown = revision ?? latest;
  const document = useQuery({
    ...revisionQuery(processId, shown ?? 0),
    enabled: shown !== undefined,
  });
  // A 409: someone saved this revision after the latest one listed here.
  const [conflict, setConflict] = useState<number | null>(null);
  const restore = useMutation({
    mutationFn: (over: number) => restoreRevisionRequest(processId, shown ?? 0, over),
    onMutate: () => setConflict(null),
    onSuccess: (view) => {
      writeSavedCopy(queryClient, view);
      void queryClient.invalidateQueries({ queryKey: processKeys.all });
      navigate({ page: 'designer', processId });
    },
    onError: (error) => {
      const current = error instanceof ApiError && error.status === 409 && error.body['current'];
      if (current && typeof current === 'object' && 'revision' in current) {
        setConflict(Number(current.revision));
        void queryClient.invalidateQueries({ queryKey: revisionListQuery(processId).queryKey });
      }
    },
  });
  const role = session.data?.role;
  const mayRestore = role === 'builder' || role === 'admin';
  const older = shown !== undefined && latest !== undefined && shown < latest;

  return (
    <main className="compare">
      <header className="compare__toolbar">
        <h1>{shown === undefined ? 'Revisions' : `Revision ${shown}`}</h1>
        <RouteLink route={{ page: 'designer', processId }}>Back to the designer</RouteLink>
        {older && (
          <button
            type="button"
            className="primary"
            disabled={!mayRestore || restore.isPending}
            onClick={() => restore.mutate(latest)}
          >
            Restore this revision
          </button>
        )}
        {older && session.data && !mayRestore && (
          <span className="hint">
            Your role ({role}) may look at revisions but not restore them.
          </span>
        )}
        {shown !== undefined && shown === latest && (
          <span className="hint">This is the latest revision.</span>
        )}
      </header>
      {conflict !== null && (
        <div role="alert" className="banner is-warning">
          Someone saved revision {conflict} after the revision you were looking at as the latest.
          Nothing was restored.
          <button type="button" onClick={() => restore.mutate(conflict)}>
            Restore over revision {conflict}
          </button>
          <button type="button" onClick={() => setConflict(null)}>
            Keep revision {conflict}
          </button>
        </div>
      )}
      {restore.isError && conflict === null && (
        <p role="alert" className="banner is-error">
          Could not restore: {restore.error.message}
        </p>
      )}
      <div className="compare__body">
        <div className="compare__canvas">
          {document.isError && <p role="alert">{document.error.message}</p>}
          {document.data && shown !== undefined && (
            <ProcessPreview
              document={document.data}
              issues={NO_ISSUES}
              label={`Revision ${shown} (read-only)`}
            />
          )}
        </div>
        <aside className="compare__panel" aria-label="Revision history">
          {list.isError && <p role="alert">Could not load revisions: {list.error.message}</p>}
          {list.isPending && <p className="hint">Loading revisions…</p>}
          <ol className="revision-list" aria-label="Revisions">
            {(list.data ?? []).map((summary) => (
              <RevisionItem
                key={summary.revision}
                processId={processId}
                summary={summary}
                shown={summary.revision === shown}
              />
            ))}
          </ol>
        </aside>
      </div>
    </main>
  );
}
