import type { ShapeStats } from '@junction/api';
import {
  outputPorts,
  type Port,
  type ProcessDocument,
  type Shape,
  type ShapeKind,
  shapeInfo,
  shapeSummary,
  type ValidationIssue,
} from '@junction/process-model';
import type { Edge, Node } from '@xyflow/react';
import type { Size } from '../store/editor-store.ts';
import type { NoteNode } from './note-node.tsx';

/** Node ids of canvas notes; shape ids never contain this prefix (see newId). */
export const NOTE_PREFIX = 'note:';

export interface ShapeNodeData extends Record<string, unknown> {
  kind: ShapeKind;
  title: string;
  summary: string;
  ports: Port[];
  connectedPorts: readonly string[];
  issues: readonly ValidationIssue[];
  stats: ShapeStats | undefined;
  /** On the path of the document open in the run inspector. */
  onLineage: boolean;
  /** A test run pauses before this shape. */
  breakpoint: boolean;
  /** The test run on show waits before this shape now. */
  paused: boolean;
}

export type ShapeNode = Node<ShapeNodeData, 'shape'>;

export interface FlowInputs {
  document: ProcessDocument;
  selectedShapes: readonly string[];
  selectedConnections: readonly string[];
  measured: Readonly<Record<string, Size>>;
  issues: readonly ValidationIssue[];
  runShapes: Readonly<Record<string, ShapeStats>> | undefined;
  runConnections: Readonly<Record<string, number>> | undefined;
  lineageShapes?: ReadonlySet<string>;
  breakpoints?: readonly string[];
  /** The shape the run on show is paused before, if it is. */
  pausedShape?: string | undefined;
}

export function shapeTitle(shape: Shape): string {
  return shape.label.trim() === '' ? shapeInfo(shape.kind).label : shape.label;
}

const NO_ISSUES: readonly ValidationIssue[] = [];

/**
 * Projects the process document onto React Flow nodes and edges. The document is
 * the truth; these are derived. A node object is reused while its inputs are
 * unchanged, so React Flow skips it (and keeps its measurements).
 */
export function createFlowProjector() {
  const cache = new Map<string, { key: unknown[]; node: ShapeNode }>();

  function nodes(inputs: FlowInputs): ShapeNode[] {
    const issuesByShape = new Map<string, ValidationIssue[]>();
    for (const issue of inputs.issues) {
      if (issue.shapeId) {
        issuesByShape.set(issue.shapeId, [...(issuesByShape.get(issue.shapeId) ?? []), issue]);
      }
    }
    const connected = new Map<string, string[]>();
    for (const c of inputs.document.connections) {
      connected.set(c.from.shape, [...(connected.get(c.from.shape) ?? []), c.from.port]);
    }
    const result: ShapeNode[] = [];
    for (const [id, shape] of Object.entries(inputs.document.shapes)) {
      const position = inputs.document.layout[id] ?? { x: 0, y: 0 };
      const selected = inputs.selectedShapes.includes(id);
      const measured = inputs.measured[id];
      const issues = issuesByShape.get(id) ?? NO_ISSUES;
      const ports = (connected.get(id) ?? []).sort().join('\u0000');
      const stats = inputs.runShapes?.[id];
      const onLineage = inputs.lineageShapes?.has(id) ?? false;
      const breakpoint = inputs.breakpoints?.includes(id) ?? false;
      const paused = inputs.pausedShape === id;
      const key = [
        onLineage,
        breakpoint,
        paused,
        shape,
        position,
        selected,
        measured,
        issues.map((i) => i.message).join('\n'),
        ports,
        stats,
      ];
      const hit = cache.get(id);
      if (hit?.key.every((value, i) => value === key[i])) {
        result.push(hit.node);
        continue;
      }
      const node: ShapeNode = {
        id,
        type: 'shape',
        position,
        selected,
        deletable: shape.kind !== 'start',
        data: {
          kind: shape.kind,
          title: shapeTitle(shape),
          summary: shapeSummary(shape),
          ports: outputPorts(shape),
          connectedPorts: connected.get(id) ?? [],
          issues,
          stats,
          onLineage,
          breakpoint,
          paused,
        },
        ...(measured ? { measured } : {}),
      };
      cache.set(id, { key, node });
      result.push(node);
    }
    for (const id of cache.keys()) {
      if (!inputs.document.shapes[id]) {
        cache.delete(id);
      }
    }
    return result;
  }

  const noteCache = new Map<string, NoteNode>();

  /** Notes as nodes with ids `note:<id>`, so they share the canvas but never the flow. */
  function notes(inputs: FlowInputs, readOnly: boolean): NoteNode[] {
    return inputs.document.notes.map((note) => {
      const id = `${NOTE_PREFIX}${note.id}`;
      const selected = inputs.selectedShapes.includes(id);
      const hit = noteCache.get(id);
      if (
        hit &&
        hit.data.text === note.text &&
        hit.position === note.position &&
        hit.selected === selected &&
        hit.data.readOnly === readOnly
      ) {
        return hit;
      }
      const node: NoteNode = {
        id,
        type: 'note',
        position: note.position,
        selected,
        data: { noteId: note.id, text: note.text, readOnly },
      };
      noteCache.set(id, node);
      return node;
    });
  }

  function edges(inputs: FlowInputs): Edge[] {
    return inputs.document.connections.map((c) => {
      const count = inputs.runConnections?.[c.id];
      return {
        id: c.id,
        source: c.from.shape,
        sourceHandle: c.from.port,
        target: c.to.shape,
        selected: inputs.selectedConnections.includes(c.id),
        ...(count !== undefined ? { label: `${count} doc${count === 1 ? '' : 's'}` } : {}),
      };
    });
  }

  return { nodes, notes, edges };
}
