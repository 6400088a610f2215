import { diffProcesses, type ProcessDocument } from '@junction/process-model';
import { useQuery } from '@tanstack/react-query';
import { Background, Controls, type NodeTypes, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useId, useMemo, useState } from 'react';
import { hrefFor, navigate } from '../../lib/router.ts';
import { readDraft } from '../designer/draft/local-draft.ts';
import { ChangeList } from './change-list.tsx';
import { compareFlow, diffSummary } from './compare-flow.ts';
import { DiffShapeNode } from './diff-shape-node.tsx';
import { revisionListQuery, revisionQuery } from './revision-queries.ts';

// Module scope: React Flow re-mounts every node when nodeTypes changes identity.
const NODE_TYPES: NodeTypes = { 'diff-shape': DiffShapeNode };

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
      <select
        id={id}
        value={String(props.value)}
        onChange={(e) =>
          props.onChange(e.target.value === 'working' ? 'working' : Number(e.target.value))
        }
      >
        {props.working && <option value="working">Working copy (unsaved)</option>}
        {props.revisions.map((r) => (
          <option key={r} value={r}>
            Revision {r}
          </option>
        ))}
      </select>
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

/** The two revisions' diff: canvas on the left, what changed on the right. */
function RevisionDiff(props: {
  processId: string;
  from: Side;
  to: Side;
  working: ProcessDocument | undefined;
}) {
  const before = useSide(props.processId, props.from, props.working);
  const after = useSide(props.processId, props.to, props.working);
  const [selected, setSelected] = useState<string | null>(null);
  const diff = useMemo(
    () => (before.data && after.data ? diffProcesses(before.data, after.data) : undefined),
    [before.data, after.data],
  );
  const flow = useMemo(() => diff && compareFlow(diff, selected), [diff, selected]);
  if (before.isError || after.isError) {
    return <p role="alert">{(before.error ?? after.error)?.message}</p>;
  }
  if (!diff || !flow) {
    return <p className="hint">Loading revisions…</p>;
  }
  return (
    <div className="compare__body">
      <div className="compare__canvas">
        <ReactFlow
          nodes={flow.nodes}
          edges={flow.edges}
          nodeTypes={NODE_TYPES}
          nodesDraggable={false}
          nodesConnectable={false}
          deleteKeyCode={null}
          onNodeClick={(_event, node) => setSelected(node.id)}
          fitView
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
      <aside className="compare__panel" aria-label="Differences">
        <p>
          <output aria-label="Summary of differences">{diffSummary(diff)}</output>
        </p>
        <ChangeList diff={diff} selected={selected} onSelect={setSelected} />
      </aside>
    </div>
  );
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
  const working = useMemo(
    () => (latest.data ? readDraft(localStorage, latest.data)?.document : undefined),
    [latest.data],
  );
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
        <ReactFlowProvider>
          <RevisionDiff processId={processId} from={from} to={to} working={working} />
        </ReactFlowProvider>
      )}
    </main>
  );
}
