import type { ProcessDocument, ValidationIssue } from '@junction/process-model';
import { Background, type NodeTypes, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import { useTheme } from '../../../theme/theme-preference.ts';
import { EditorStoreContext } from '../store/editor-context.ts';
import { createEditorStore } from '../store/editor-store.ts';
import { type NoteNode, NoteNodeView } from './note-node.tsx';
import { ShapeNode } from './shape-node.tsx';
import { createFlowProjector, type ShapeNode as ShapeNodeType } from './to-flow.ts';

const NODE_TYPES: NodeTypes = { shape: ShapeNode, note: NoteNodeView };
const NO_SELECTION: readonly string[] = [];

/**
 * A process drawn read-only (an import preview): the designer's nodes over a
 * throwaway editor store whose edits are ignored, so nothing on the canvas can
 * change the document that will be created.
 */
export function ProcessPreview(props: {
  document: ProcessDocument;
  issues: readonly ValidationIssue[];
  label: string;
}) {
  const { document, issues } = props;
  const colorMode = useTheme();
  const store = useMemo(() => {
    const created = createEditorStore(document, 0);
    created.setState({ apply: () => undefined, applyLive: () => undefined });
    return created;
  }, [document]);
  const projector = useMemo(createFlowProjector, []);
  const inputs = {
    document,
    selectedShapes: NO_SELECTION,
    selectedConnections: NO_SELECTION,
    measured: {},
    issues,
    runShapes: undefined,
    runConnections: undefined,
  };
  const nodes: (ShapeNodeType | NoteNode)[] = [
    ...projector.nodes(inputs),
    ...projector.notes(inputs, true),
  ];
  return (
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <div className="process-preview">
          <ReactFlow
            colorMode={colorMode}
            nodes={nodes}
            edges={projector.edges(inputs)}
            nodeTypes={NODE_TYPES}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            deleteKeyCode={null}
            fitView
            fitViewOptions={{ maxZoom: 1 }}
            proOptions={{ hideAttribution: true }}
            aria-label={props.label}
          >
            <Background gap={20} />
          </ReactFlow>
        </div>
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
}
