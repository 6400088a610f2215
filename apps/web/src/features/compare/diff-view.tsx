import { diffProcesses, type ProcessDocument } from '@junction/process-model';
import { Background, Controls, type NodeTypes, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { useTheme } from '../../theme/theme-preference.ts';
import { ChangeList } from './change-list.tsx';
import { compareFlow, diffSummary } from './compare-flow.ts';
import { DiffNoteNodeView } from './diff-note-node.tsx';
import { DiffShapeNode } from './diff-shape-node.tsx';

// Module scope: React Flow re-mounts every node when nodeTypes changes identity.
const NODE_TYPES: NodeTypes = { 'diff-shape': DiffShapeNode, 'diff-note': DiffNoteNodeView };

/**
 * Two versions of a process on one read-only canvas, with the summary, the change
 * list and each selected shape's old and new fields beside it: the compare page's
 * body, and what an import shows before anything is stored. It has its own React
 * Flow store, so it can open over the designer's canvas without touching it.
 */
export function DiffView(props: {
  before: ProcessDocument;
  after: ProcessDocument;
  /** The canvas's accessible name. */
  label: string;
}) {
  const { before, after } = props;
  const [selected, setSelected] = useState<string | null>(null);
  const colorMode = useTheme();
  const diff = useMemo(() => diffProcesses(before, after), [before, after]);
  const flow = useMemo(() => compareFlow(diff, selected), [diff, selected]);
  return (
    <div className="compare__body">
      <div className="compare__canvas">
        <ReactFlowProvider>
          <ReactFlow
            colorMode={colorMode}
            nodes={flow.nodes}
            edges={flow.edges}
            nodeTypes={NODE_TYPES}
            nodesDraggable={false}
            nodesConnectable={false}
            deleteKeyCode={null}
            onNodeClick={(_event, node) => {
              if (node.type === 'diff-shape') {
                setSelected(node.id);
              }
            }}
            fitView
            fitViewOptions={{ maxZoom: 1 }}
            aria-label={props.label}
          >
            <Background />
            <Controls showInteractive={false} />
          </ReactFlow>
        </ReactFlowProvider>
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
