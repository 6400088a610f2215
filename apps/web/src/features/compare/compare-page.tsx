import { diffProcesses } from '@junction/process-model';
import { useQuery } from '@tanstack/react-query';
import { Background, Controls, type NodeTypes, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useId, useMemo, useState } from 'react';
import { hrefFor, navigate } from '../../lib/router.ts';
import { ChangeList } from './change-list.tsx';
import { compareFlow, diffSummary } from './compare-flow.ts';
import { DiffShapeNode } from './diff-shape-node.tsx';
import { revisionListQuery, revisionQuery } from './revision-queries.ts';

// Module scope: React Flow re-mounts every node when nodeTypes changes identity.
const NODE_TYPES: NodeTypes = { 'diff-shape': DiffShapeNode };

function RevisionSelect(props: {
  label: string;
  value: number;
  revisions: readonly number[];
  onChange: (revision: number) => void;
}) {
  const id = useId();
  return (
    <span>
      <label htmlFor={id}>{props.label}</label>{' '}
      <select id={id} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
        {props.revisions.map((r) => (
          <option key={r} value={r}>
            Revision {r}
          </option>
        ))}
      </select>
    </span>
  );
}

/** The two revisions' diff: canvas on the left, what changed on the right. */
function RevisionDiff(props: { processId: string; from: number; to: number }) {
  const before = useQuery(revisionQuery(props.processId, props.from));
  const after = useQuery(revisionQuery(props.processId, props.to));
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
 * Compare two saved revisions of a process on the canvas: added shapes green,
 * removed ones ghosted red where they stood, changed ones amber with each field's
 * old and new value, moved ones outlined, connections added or removed.
 */
export function ComparePage({ processId }: { processId: string }) {
  const list = useQuery(revisionListQuery(processId));
  const revisions = useMemo(
    () => [...(list.data ?? [])].map((r) => r.revision).sort((a, b) => b - a),
    [list.data],
  );
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const to = picked.to ?? revisions[0];
  const from = picked.from ?? revisions[1] ?? revisions[0];
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
              onChange={(r) => setPicked({ from: r, to })}
            />
            <RevisionSelect
              label="To revision"
              value={to}
              revisions={revisions}
              onChange={(r) => setPicked({ from, to: r })}
            />
          </>
        )}
      </header>
      {list.isError && <p role="alert">{list.error.message}</p>}
      {list.isPending && <p className="hint">Loading revisions…</p>}
      {from !== undefined && to !== undefined && (
        <ReactFlowProvider>
          <RevisionDiff processId={processId} from={from} to={to} />
        </ReactFlowProvider>
      )}
    </main>
  );
}
