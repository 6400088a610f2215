import type { DocumentDirection, RunRecord } from '@junction/api';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { documentsDiffer } from './document-diff.ts';
import { DOCUMENT_PAGE, documentPageQuery, processRunsQuery } from './run-queries.ts';
import { RUN_STATUS_TEXT } from './run-status-text.ts';

const when = (iso: string) => new Date(iso).toLocaleString();

/** Documents at a shape compared by position: what changed between two runs. */
function useChangedDocuments(a: RunRecord, b: RunRecord, shapes: string[]) {
  const direction = (id: string): DocumentDirection => (id === 'start' ? 'out' : 'in');
  const pages = useQueries({
    queries: shapes.flatMap((id) => [
      documentPageQuery(a.id, id, direction(id), 0),
      documentPageQuery(b.id, id, direction(id), 0),
    ]),
  });
  return (index: number): string => {
    const left = pages[index * 2]?.data;
    const right = pages[index * 2 + 1]?.data;
    if (!left || !right) {
      return '…';
    }
    const compared = Math.max(left.items.length, right.items.length);
    const changed = Array.from({ length: compared }, (_, i) => i).filter((i) =>
      documentsDiffer(left.items[i]?.data, right.items[i]?.data),
    ).length;
    const capped =
      left.total > DOCUMENT_PAGE || right.total > DOCUMENT_PAGE ? ` (first ${DOCUMENT_PAGE})` : '';
    return compared === 0 ? '—' : `${changed} of ${compared} changed${capped}`;
  };
}

function CompareRuns({
  a,
  b,
  shapeTitle,
}: {
  a: RunRecord;
  b: RunRecord;
  shapeTitle: (id: string) => string;
}) {
  const shapes = [...new Set([...Object.keys(a.shapes), ...Object.keys(b.shapes)])];
  const changedAt = useChangedDocuments(a, b, shapes);
  const text = (s: RunRecord['shapes'][string] | undefined) =>
    s ? `${s.documentsIn} in · ${s.documentsOut} out · ${s.documentsInError} err` : '—';
  return (
    <table className="data-table" aria-label="Run comparison">
      <thead>
        <tr>
          <th>Shape</th>
          <th>{when(a.startedAt)}</th>
          <th>{when(b.startedAt)}</th>
          <th>Documents</th>
        </tr>
      </thead>
      <tbody>
        {shapes.map((id, index) => {
          const x = a.shapes[id];
          const y = b.shapes[id];
          return (
            <tr key={id} className={text(x) === text(y) ? undefined : 'is-changed'}>
              <td>{shapeTitle(id)}</td>
              <td>{text(x)}</td>
              <td>{text(y)}</td>
              <td>{changedAt(index)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A process's test runs, newest first: open one, or compare two. */
export function RunHistory({
  processId,
  currentRunId,
  shapeTitle,
  onOpen,
}: {
  processId: string;
  currentRunId: string | null;
  shapeTitle: (id: string) => string;
  onOpen: (runId: string) => void;
}) {
  const runs = useQuery(processRunsQuery(processId));
  const [picked, setPicked] = useState<string[]>([]);
  if (runs.isPending) {
    return <p className="hint">Loading runs…</p>;
  }
  const items = runs.data ?? [];
  const compared = picked
    .map((id) => items.find((r) => r.id === id))
    .filter((r): r is RunRecord => r !== undefined);
  return (
    <section aria-label="Run history">
      {items.length === 0 && (
        <p className="hint">
          No test runs yet. Choose Test in the toolbar to run this process; each run is kept here.
        </p>
      )}
      <ul className="run-history">
        {items.map((run) => (
          <li key={run.id} className={run.id === currentRunId ? 'is-current' : undefined}>
            <label className="checkbox">
              <input
                type="checkbox"
                aria-label={`Compare run of ${when(run.startedAt)}`}
                checked={picked.includes(run.id)}
                onChange={(e) =>
                  setPicked((p) =>
                    e.target.checked ? [...p, run.id].slice(-2) : p.filter((id) => id !== run.id),
                  )
                }
              />
              <span className={`status status--${run.status}`}>{RUN_STATUS_TEXT[run.status]}</span>{' '}
              {when(run.startedAt)}
            </label>
            <button
              type="button"
              onClick={() => onOpen(run.id)}
              aria-label={`Open run of ${when(run.startedAt)}`}
            >
              Open
            </button>
          </li>
        ))}
      </ul>
      {compared.length === 2 && (
        <CompareRuns a={compared[0]!} b={compared[1]!} shapeTitle={shapeTitle} />
      )}
      {compared.length === 1 && <p className="hint">Pick one more run to compare.</p>}
    </section>
  );
}
