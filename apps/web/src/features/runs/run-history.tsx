import type { RunRecord } from '@junction/api';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { localTime } from '../../lib/local-time.ts';
import { hrefFor, navigate } from '../../lib/router.ts';
import { processRunsQuery } from './run-queries.ts';
import { RUN_STATUS_TEXT } from './run-status-text.ts';

/** A link to the two runs compared full width, the earlier one as "before". */
function CompareLink({ processId, runs }: { processId: string; runs: [RunRecord, RunRecord] }) {
  const [before, after] = [...runs].sort((x, y) => x.startedAt.localeCompare(y.startedAt));
  const route = {
    page: 'run-compare',
    processId,
    before: before!.id,
    after: after!.id,
  } as const;
  return (
    <a
      href={hrefFor(route)}
      onClick={(e) => {
        e.preventDefault();
        navigate(route);
      }}
    >
      Compare the two runs
    </a>
  );
}

/** A process's test runs, newest first: open one, or compare two. */
export function RunHistory({
  processId,
  currentRunId,
  onOpen,
}: {
  processId: string;
  currentRunId: string | null;
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
                aria-label={`Compare run of ${localTime(run.startedAt)}`}
                checked={picked.includes(run.id)}
                onChange={(e) =>
                  setPicked((p) =>
                    e.target.checked ? [...p, run.id].slice(-2) : p.filter((id) => id !== run.id),
                  )
                }
              />
              <span className={`status status--${run.status}`}>{RUN_STATUS_TEXT[run.status]}</span>{' '}
              {localTime(run.startedAt)}
            </label>
            <button
              type="button"
              onClick={() => onOpen(run.id)}
              aria-label={`Open run of ${localTime(run.startedAt)}`}
            >
              Open
            </button>
          </li>
        ))}
      </ul>
      {compared.length === 2 && (
        <CompareLink processId={processId} runs={[compared[0]!, compared[1]!]} />
      )}
      {compared.length === 1 && <p className="hint">Pick one more run to compare.</p>}
    </section>
  );
}
