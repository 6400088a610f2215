import type { ProcessDocument } from '@junction/process-model';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { hrefFor, navigate } from '../../lib/router.ts';
import { Select } from '../../ui/select.tsx';
import { readDraft } from '../designer/draft/local-draft.ts';
import { DiffView } from './diff-view.tsx';
import { revisionListQuery, revisionQuery } from './revision-queries.ts';

/** A saved revision, or the designer's unsaved working copy (kept as a local draft). */
type Side = number | 'working';

function RevisionSelect(props: {
  label: string;
  value: Side;
  revisions: readonly number[];
  working: boolean;
  onChange: (side: Side) => void;
}) {
  const id = useId();
  return (
    <span>
      <label htmlFor={id}>{props.label}</label>{' '}
      <Select
        id={id}
        value={String(props.value)}
        onChange={(next) => props.onChange(next === 'working' ? 'working' : Number(next))}
        choices={[
          ...(props.working ? [{ value: 'working', label: 'Working copy (unsaved)' }] : []),
          ...props.revisions.map((r) => ({ value: String(r), label: `Revision ${r}` })),
        ]}
      />
    </span>
  );
}

/** One side's document: a stored revision (fetched once), or the working copy. */
function useSide(processId: string, side: Side, working: ProcessDocument | undefined) {
  const stored = useQuery({
    ...revisionQuery(processId, side === 'working' ? 0 : side),
    enabled: side !== 'working',
  });
  return side === 'working'
    ? { data: working, isError: false, error: null }
    : { data: stored.data, isError: stored.isError, error: stored.error };
}

/** The two revisions' diff, once both are loaded. */
function RevisionDiff(props: {
  processId: string;
  from: Side;
  to: Side;
  working: ProcessDocument | undefined;
}) {
  const before = useSide(props.processId, props.from, props.working);
  const after = useSide(props.processId, props.to, props.working);
  if (before.isError || after.isError) {
    return <p role="alert">{(before.error ?? after.error)?.message}</p>;
  }
  if (!before.data || !after.data) {
    return <p className="hint">Loading revisions…</p>;
  }
  return <DiffView before={before.data} after={after.data} label="Revision diff" />;
}

/**
 * Compare two saved revisions of a process, or the latest one with the designer's
 * unsaved working copy, on the canvas: added shapes green,
 * removed ones ghosted red where they stood, changed ones amber with each field's
 * old and new value, moved ones outlined, connections added or removed.
 */
export function ComparePage({ processId }: { processId: string }) {
  const list = useQuery(revisionListQuery(processId));
  const revisions = useMemo(
    () => [...(list.data ?? [])].map((r) => r.revision).sort((a, b) => b - a),
    [list.data],
  );
  const latest = useQuery({
    ...revisionQuery(processId, revisions[0] ?? 0),
    enabled: revisions[0] !== undefined,
  });
  // The designer's unsaved changes, when they differ from the latest saved revision.
  // Read in an effect: readDraft also clears a draft equal to the saved copy.
  const [working, setWorking] = useState<ProcessDocument | undefined>(undefined);
  useEffect(() => {
    setWorking(latest.data ? readDraft(localStorage, latest.data)?.document : undefined);
  }, [latest.data]);
  const [picked, setPicked] = useState<{ from?: Side; to?: Side }>({});
  const to = picked.to ?? (working ? 'working' : revisions[0]);
  const from = picked.from ?? (working ? revisions[0] : (revisions[1] ?? revisions[0]));
  const back = { page: 'designer', processId } as const;
  return (
    <main className="compare">
      <header className="compare__toolbar">
        <h1>Compare revisions</h1>
        <a
          href={hrefFor(back)}
          onClick={(e) => {
            e.preventDefault();
            navigate(back);
          }}
        >
          Back to the designer
        </a>
        {from !== undefined && to !== undefined && (
          <>
            <RevisionSelect
              label="From revision"
              value={from}
              revisions={revisions}
              working={working !== undefined}
              onChange={(side) => setPicked({ from: side, to })}
            />
            <RevisionSelect
              label="To revision"
              value={to}
              revisions={revisions}
              working={working !== undefined}
              onChange={(side) => setPicked({ from, to: side })}
            />
          </>
        )}
      </header>
      {list.isError && <p role="alert">{list.error.message}</p>}
      {(list.isPending || latest.isPending) && <p className="hint">Loading revisions…</p>}
      {from !== undefined && to !== undefined && !latest.isPending && (
        <RevisionDiff processId={processId} from={from} to={to} working={working} />
      )}
    </main>
  );
}
