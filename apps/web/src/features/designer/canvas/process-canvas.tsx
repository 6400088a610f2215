import type { RunRecord } from '@junction/api';
import type { ValidationIssue } from '@junction/process-model';
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
import type { StoreApi } from 'zustand/vanilla';
import { useTheme } from '../../../theme/theme-preference.ts';
import { newId } from '../new-shape.ts';
import {
  DefaultConnectionContext,
  isShapeKind,
  SHAPE_DRAG_TYPE,
  useAddShape,
} from '../placement/use-add-shape.ts';
import { useEditor, useEditorStoreApi } from '../store/editor-context.ts';
import type { EditorState } from '../store/editor-store.ts';
import {
  type CanvasEffect,
  type FlowConnection,
  fromConnection,
  fromEdgeChanges,
  fromNodeChanges,
  isConnectable,
} from './from-flow.ts';
import { type NoteNode, NoteNodeView } from './note-node.tsx';
import { ShapeNode } from './shape-node.tsx';
import { createFlowProjector, type ShapeNode as ShapeNodeType } from './to-flow.ts';

// Module scope: React Flow re-mounts every node when nodeTypes changes identity.
const NODE_TYPES: NodeTypes = { shape: ShapeNode, note: NoteNodeView };
const SNAP_GRID: [number, number] = [20, 20];

/** Carries out what from-flow decided, in order; each document replaces the one it was made from. */
function applyEffects(store: StoreApi<EditorState>, effects: readonly CanvasEffect[]): void {
  const state = store.getState();
  for (const effect of effects) {
    if (effect.type === 'document') {
      const next = effect.document;
      if (effect.record === 'live') {
        state.applyLive(() => next);
      } else {
        state.apply(() => next);
      }
    } else if (effect.type === 'end-gesture') {
      state.commitGesture();
    } else if (effect.type === 'measured') {
      state.setMeasured(effect.id, effect.size);
    } else {
      state.select(effect.shapes, effect.connections);
    }
  }
}

/**
 * The canvas, a thin adapter. React Flow is fully controlled: nodes and edges are
 * projected from the process document (to-flow), and every change React Flow
 * reports is translated into editor effects (from-flow) carried out on the store.
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
  const breakpoints = useEditor((s) => s.breakpoints);
  const { screenToFlowPosition } = useReactFlow();
  const projector = useMemo(createFlowProjector, []);
  const colorMode = useTheme();
  const readOnly = run !== undefined;
  const addShape = useAddShape(defaultConnectionId);

  const inputs = {
    document,
    selectedShapes,
    selectedConnections,
    measured,
    issues,
    runShapes: run?.shapes,
    runConnections: run?.connections,
    ...(lineageShapes ? { lineageShapes } : {}),
    breakpoints,
    pausedShape: run?.paused?.shapeId,
  };
  const nodes: (ShapeNodeType | NoteNode)[] = [
    ...projector.nodes(inputs),
    ...projector.notes(inputs, readOnly),
  ];
  const edges = projector.edges(inputs);

  const onNodesChange = useCallback(
    (changes: NodeChange<ShapeNodeType | NoteNode>[]) =>
      applyEffects(store, fromNodeChanges(store.getState(), changes)),
    [store],
  );

  const onNodeDragStop = useCallback(() => store.getState().commitGesture(), [store]);

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => applyEffects(store, fromEdgeChanges(store.getState(), changes)),
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) =>
      applyEffects(store, fromConnection(store.getState().document, connection, newId('c'))),
    [store],
  );

  const isValidConnection = useCallback(
    (connection: FlowConnection) => isConnectable(store.getState().document, connection),
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
      addShape(kind, { near: screenToFlowPosition({ x: event.clientX, y: event.clientY }) });
    },
    [addShape, screenToFlowPosition],
  );

  return (
    <DefaultConnectionContext.Provider value={defaultConnectionId}>
      <div className="canvas" onDragOver={onDragOver} onDrop={onDrop}>
        <ReactFlow
          colorMode={colorMode}
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
    </DefaultConnectionContext.Provider>
  );
}
