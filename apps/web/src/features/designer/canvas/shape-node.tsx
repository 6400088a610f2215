import type { ValidationIssue } from '@junction/process-model';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { type DragEvent, memo, useState } from 'react';
import { Tooltip } from '../../../ui/tooltip.tsx';
import { isShapeKind, SHAPE_DRAG_TYPE, useCanvasAddShape } from '../placement/use-add-shape.ts';
import { useEditorStoreApi } from '../store/editor-context.ts';
import { ShapeIcon, shapeFamily } from './shape-icon.tsx';
import type { ShapeNode as ShapeNodeType } from './to-flow.ts';

const PORT_ROW = 22;
const HEADER = 40;

/** Unlabelled ports spread over the node; labelled paths get a row each below the header. */
function portTop(index: number, count: number, labelled: boolean): string {
  return labelled
    ? `${HEADER + index * PORT_ROW + PORT_ROW / 2}px`
    : `${((index + 1) / (count + 1)) * 100}%`;
}

/** The issue badge; its messages show on hover and on keyboard focus. */
function IssueBadge({ issues }: { issues: readonly ValidationIssue[] }) {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  return (
    <Tooltip
      content={
        <ul className="shape-node__tooltip">
          {issues.map((issue, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat; the list has no other identity
            <li key={index} className={`is-${issue.severity}`}>
              {issue.message}
            </li>
          ))}
        </ul>
      }
    >
      <button
        type="button"
        className={`shape-node__badge nodrag ${errors > 0 ? 'is-error' : 'is-warning'}`}
        aria-label={`${errors} errors, ${warnings} warnings`}
      >
        !
      </button>
    </Tooltip>
  );
}

/** The "+" beside a free port: a click ends the path with a Stop; a palette shape dropped on it joins the path. */
function AddAfterPort({
  shapeId,
  title,
  port,
  portLabel,
  top,
}: {
  shapeId: string;
  title: string;
  port: string;
  portLabel: string;
  top: string;
}) {
  const add = useCanvasAddShape();
  const [target, setTarget] = useState(false);
  const after = { shape: shapeId, port };
  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(SHAPE_DRAG_TYPE);
  return (
    <button
      type="button"
      className={`shape-node__add-stop nodrag${target ? ' is-drop-target' : ''}`}
      style={{ top }}
      aria-label={`Add Stop after ${title}${portLabel ? ` ${portLabel}` : ''}`}
      title="End this path with a Stop, or drop a shape here to join it to this path"
      onClick={() => add('stop', { after, select: false })}
      onDragOver={(event) => {
        if (accepts(event)) {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setTarget(true);
        }
      }}
      onDragLeave={() => setTarget(false)}
      onDrop={(event) => {
        setTarget(false);
        const kind = event.dataTransfer.getData(SHAPE_DRAG_TYPE);
        if (!isShapeKind(kind)) {
          return;
        }
        // The canvas below would add the shape a second time, where it was dropped.
        event.preventDefault();
        event.stopPropagation();
        add(kind, { after });
      }}
    >
      +
    </button>
  );
}

/** A shape on the canvas: icon, label, configuration summary, ports, warnings and run counts. */
export const ShapeNode = memo(function ShapeNode({ id, data, selected }: NodeProps<ShapeNodeType>) {
  const store = useEditorStoreApi();
  const stats = data.stats;
  // Multi-path shapes list their paths inside the node, each beside its handle.
  const labelled = data.ports.some((p) => p.label !== '');

  return (
    <section
      className={`shape-node shape-node--${data.kind} shape-family--${shapeFamily(data.kind)}${selected ? ' is-selected' : ''}${stats ? ` run-${stats.status}` : ''}${labelled ? ' has-port-labels' : ''}${data.onLineage ? ' is-lineage' : ''}${data.breakpoint ? ' has-breakpoint' : ''}${data.paused ? ' is-paused' : ''}`}
      style={labelled ? { minHeight: `${HEADER + data.ports.length * PORT_ROW + 6}px` } : undefined}
      aria-label={`Shape ${data.title}`}
    >
      {data.kind !== 'start' && (
        // A port is drawn, not operated from the keyboard (Paths in the Options panel
        // connects without a mouse): an image with a name, which ARIA lets carry a label.
        <Handle
          type="target"
          position={Position.Left}
          role="img"
          aria-label={`${data.title} input`}
        />
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
        {data.issues.length > 0 && <IssueBadge issues={data.issues} />}
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
            role="img"
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
            <AddAfterPort
              shapeId={id}
              title={data.title}
              port={port.id}
              portLabel={port.label}
              top={portTop(index, data.ports.length, labelled)}
            />
          )}
        </div>
      ))}
    </section>
  );
});
