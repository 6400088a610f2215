import { addShape, connectShapes } from '@junction/process-model';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { newId, newShape } from '../new-shape.ts';
import { useEditorStoreApi } from '../store/editor-context.ts';
import { ShapeIcon } from './shape-icon.tsx';
import type { ShapeNode as ShapeNodeType } from './to-flow.ts';

const PORT_ROW = 22;
const HEADER = 40;

/** Unlabelled ports spread over the node; labelled paths get a row each below the header. */
function portTop(index: number, count: number, labelled: boolean): string {
  return labelled
    ? `${HEADER + index * PORT_ROW + PORT_ROW / 2}px`
    : `${((index + 1) / (count + 1)) * 100}%`;
}

/** A shape on the canvas: icon, label, configuration summary, ports, warnings and run counts. */
export const ShapeNode = memo(function ShapeNode({ id, data, selected }: NodeProps<ShapeNodeType>) {
  const store = useEditorStoreApi();
  const errors = data.issues.filter((i) => i.severity === 'error');
  const warnings = data.issues.filter((i) => i.severity === 'warning');
  const stats = data.stats;
  // Multi-path shapes list their paths inside the node, each beside its handle.
  const labelled = data.ports.some((p) => p.label !== '');

  const addStopAfter = (port: string) => {
    const stopId = newId('stop');
    store.getState().apply((doc) => {
      const at = doc.layout[id] ?? { x: 0, y: 0 };
      const withStop = addShape(doc, {
        id: stopId,
        kind: 'stop',
        position: { x: at.x + 240, y: at.y },
        shape: newShape('stop', undefined),
      });
      return connectShapes(withStop, {
        id: newId('c'),
        from: { shape: id, port },
        to: { shape: stopId },
      });
    });
  };

  return (
    <section
      className={`shape-node shape-node--${data.kind}${selected ? ' is-selected' : ''}${stats ? ` run-${stats.status}` : ''}${labelled ? ' has-port-labels' : ''}${data.onLineage ? ' is-lineage' : ''}${data.breakpoint ? ' has-breakpoint' : ''}${data.paused ? ' is-paused' : ''}`}
      style={labelled ? { minHeight: `${HEADER + data.ports.length * PORT_ROW + 6}px` } : undefined}
      aria-label={`Shape ${data.title}`}
    >
      {data.kind !== 'start' && (
        <Handle type="target" position={Position.Left} aria-label={`${data.title} input`} />
      )}
      <button
        type="button"
        className="shape-node__breakpoint nodrag"
        aria-label={`Breakpoint on ${data.title}`}
        aria-pressed={data.breakpoint}
        title={
          data.breakpoint
            ? 'A test run pauses before this shape (F9 to clear)'
            : 'Pause test runs before this shape (F9)'
        }
        onClick={(event) => {
          event.stopPropagation();
          store.getState().toggleBreakpoints([id]);
        }}
      />
      <header className="shape-node__header">
        <ShapeIcon kind={data.kind} />
        <span className="shape-node__title">{data.title}</span>
        {data.issues.length > 0 && (
          <span
            className={`shape-node__badge ${errors.length > 0 ? 'is-error' : 'is-warning'}`}
            role="img"
            aria-label={`${errors.length} errors, ${warnings.length} warnings`}
            title={data.issues.map((i) => i.message).join('\n')}
          >
            !
          </span>
        )}
      </header>
      <div className="shape-node__summary">{data.summary}</div>
      {data.paused && (
        <output className="shape-node__paused" aria-label={`Paused before ${data.title}`}>
          Paused here
        </output>
      )}
      {stats && (
        <output className="shape-node__stats" aria-label={`${data.title} documents`}>
          {stats.status === 'running' ? 'running… ' : ''}
          {stats.documentsIn} in · {stats.documentsOut} out
          {stats.documentsInError > 0 ? ` · ${stats.documentsInError} in error` : ''}
        </output>
      )}
      {data.ports.map((port, index) => (
        <div key={port.id}>
          <Handle
            type="source"
            position={Position.Right}
            id={port.id}
            style={{ top: portTop(index, data.ports.length, labelled) }}
            aria-label={`${data.title} output${port.label ? ` ${port.label}` : ''}`}
          />
          {port.label && (
            <span
              className="shape-node__port-label"
              style={{ top: portTop(index, data.ports.length, labelled) }}
            >
              {port.label}
            </span>
          )}
          {!data.connectedPorts.includes(port.id) && !stats && (
            <button
              type="button"
              className="shape-node__add-stop nodrag"
              style={{ top: portTop(index, data.ports.length, labelled) }}
              aria-label={`Add Stop after ${data.title}${port.label ? ` ${port.label}` : ''}`}
              title="End this path with a Stop"
              onClick={() => addStopAfter(port.id)}
            >
              +
            </button>
          )}
        </div>
      ))}
    </section>
  );
});
