import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { ShapeIcon } from '../designer/canvas/shape-icon.tsx';
import { type DiffNode, STATUS_WORD } from './compare-flow.ts';

/** A shape in the revision diff: coloured by status, read-only, with its ports for edges. */
export const DiffShapeNode = memo(function DiffShapeNode({ data, selected }: NodeProps<DiffNode>) {
  const status = STATUS_WORD[data.status];
  const moved = data.moved ? ', moved' : '';
  return (
    <section
      className={`shape-node shape-node--${data.kind} diff-node diff-node--${data.status}${data.moved ? ' is-moved' : ''}${selected ? ' is-selected' : ''}`}
      aria-label={`Shape ${data.title}, ${status}${moved}`}
    >
      {data.kind !== 'start' && (
        <Handle type="target" position={Position.Left} isConnectable={false} />
      )}
      <header className="shape-node__header">
        <ShapeIcon kind={data.kind} />
        <span className="shape-node__title">{data.title}</span>
        {data.status !== 'unchanged' && (
          <span className={`diff-node__badge diff-node__badge--${data.status}`}>
            {data.status === 'changed' ? `${data.changedFields} changed` : status}
          </span>
        )}
      </header>
      <div className="shape-node__summary">{data.summary}</div>
      {data.ports.map((port, index) => (
        <Handle
          key={port.id}
          id={port.id}
          type="source"
          position={Position.Right}
          isConnectable={false}
          style={{ top: `${((index + 1) / (data.ports.length + 1)) * 100}%` }}
        />
      ))}
    </section>
  );
});
