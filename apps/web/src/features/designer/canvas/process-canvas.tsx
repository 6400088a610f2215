import {
  addShape,
  connectionProblem,
  connectShapes,
  disconnect,
  moveNote,
  moveShapes,
  removeNotes,
  removeShapes,
  SHAPE_KINDS,
  type ShapeKind,
  type ValidationIssue,
} from '@junction/process-model';
import {
  Background,
  type Connection,
  Controls,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  type NodeTypes,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, useCallback, useMemo } from 'react';
import type { RunRecord } from '../../runs/run-queries.ts';
import { newId, newShape } from '../new-shape.ts';
import { useEditor, useEditorStoreApi } from '../store/editor-context.ts';
import { type NoteNode, NoteNodeView } from './note-node.tsx';
import { ShapeNode } from './shape-node.tsx';
import { createFlowProjector, NOTE_PREFIX, type ShapeNode as ShapeNodeType } from './to-flow.ts';

export const SHAPE_DRAG_TYPE = 'application/x-junction-shape';

// Module scope: React Flow re-mounts every node when nodeTypes changes identity.
const NODE_TYPES: NodeTypes = { shape: ShapeNode, note: NoteNodeView };
const SNAP_GRID: [number, number] = [20, 20];

function isShapeKind(value: string): value is ShapeKind {
  return (SHAPE_KINDS as readonly string[]).includes(value);
}

/**
 * The canvas. React Flow is fully controlled: nodes and edges are projected from
 * the process document, and every change React Flow reports is translated into a
 * process-model operation on the editor store.
 */
export function ProcessCanvas({
  issues,
  run,
  defaultConnectionId,
  lineageShapes,
}: {
  issues: readonly ValidationIssue[];
  run: RunRecord | undefined;
  defaultConnectionId: string | undefined;
  lineageShapes?: ReadonlySet<string> | undefined;
}) {
  const store = useEditorStoreApi();
  const document = useEditor((s) => s.document);
  const selectedShapes = useEditor((s) => s.selectedShapes);
  const selectedConnections = useEditor((s) => s.selectedConnections);
  const measured = useEditor((s) => s.measured);
  const { screenToFlowPosition } = useReactFlow();
  const projector = useMemo(createFlowProjector, []);
  const readOnly = run !== undefined;

  const inputs = {
    document,
    selectedShapes,
    selectedConnections,
    measured,
    issues,
    runShapes: run?.shapes,
    runConnections: run?.connections,
    ...(lineageShapes ? { lineageShapes } : {}),
  };
  const nodes: (ShapeNodeType | NoteNode)[] = [
    ...projector.nodes(inputs),
    ...projector.notes(inputs, readOnly),
  ];
  const edges = projector.edges(inputs);

  const onNodesChange = useCallback(
    (changes: NodeChange<ShapeNodeType | NoteNode>[]) => {
      const state = store.getState();
      let selection = new Set(state.selectedShapes);
      let selectionChanged = false;
      for (const change of changes) {
        const noteId =
          'id' in change && change.id.startsWith(NOTE_PREFIX)
            ? change.id.slice(NOTE_PREFIX.length)
            : null;
        if (change.type === 'position' && change.position) {
          const at = change.position;
          state.applyLive((doc) =>
            noteId ? moveNote(doc, noteId, at) : moveShapes(doc, { [change.id]: at }),
          );
          if (change.dragging === false) {
            state.commitGesture();
          }
        } else if (change.type === 'remove') {
          state.apply((doc) =>
            noteId ? removeNotes(doc, [noteId]) : removeShapes(doc, [change.id]),
          );
          selection.delete(change.id);
          selectionChanged = true;
        } else if (change.type === 'select') {
          selection = new Set(selection);
          if (change.selected) {
            selection.add(change.id);
          } else {
            selection.delete(change.id);
          }
          selectionChanged = true;
        } else if (change.type === 'dimensions' && change.dimensions) {
          state.setMeasured(change.id, change.dimensions);
        }
      }
      if (selectionChanged) {
        state.select([...selection], store.getState().selectedConnections);
      }
    },
    [store],
  );

  const onNodeDragStop = useCallback(() => store.getState().commitGesture(), [store]);

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const state = store.getState();
      const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
      if (removed.length > 0) {
        state.apply((doc) => disconnect(doc, removed));
      }
      const selection = new Set(state.selectedConnections);
      let changed = false;
      for (const change of changes) {
        if (change.type === 'select') {
          changed = true;
          if (change.selected) {
            selection.add(change.id);
          } else {
            selection.delete(change.id);
          }
        }
      }
      if (changed) {
        state.select(store.getState().selectedShapes, [...selection]);
      }
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      store.getState().apply((doc) =>
        connectShapes(doc, {
          id: newId('c'),
          from: { shape: connection.source, port: connection.sourceHandle ?? 'default' },
          to: { shape: connection.target },
        }),
      );
    },
    [store],
  );

  const isValidConnection = useCallback(
    (connection: Connection | { source: string; target: string; sourceHandle?: string | null }) =>
      connectionProblem(
        store.getState().document,
        { shape: connection.source, port: connection.sourceHandle ?? 'default' },
        { shape: connection.target },
      ) === null,
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(SHAPE_DRAG_TYPE)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(SHAPE_DRAG_TYPE);
      if (!isShapeKind(kind)) {
        return;
      }
      event.preventDefault();
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const id = newId(kind);
      store
        .getState()
        .apply((doc) =>
          addShape(doc, { id, kind, position, shape: newShape(kind, defaultConnectionId) }),
        );
      store.getState().select([id]);
    },
    [store, screenToFlowPosition, defaultConnectionId],
  );

  return (
    <div className="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        deleteKeyCode={readOnly ? null : ['Backspace', 'Delete']}
        snapToGrid
        snapGrid={SNAP_GRID}
        multiSelectionKeyCode="Shift"
        selectionKeyCode="Shift"
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        proOptions={{ hideAttribution: true }}
        aria-label="Process canvas"
      >
        <Background gap={20} />
        <Controls />
        <MiniMap pannable zoomable />
      </ReactFlow>
    </div>
  );
}
