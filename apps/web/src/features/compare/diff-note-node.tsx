import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { type DiffNoteNode, STATUS_WORD } from './compare-flow.ts';

/** A canvas note in a diff: its text, read-only, coloured by status like a shape. */
export const DiffNoteNodeView = memo(function DiffNoteNodeView({ data }: NodeProps<DiffNoteNode>) {
  return (
    <section
      className={`note-node diff-node diff-node--${data.status}`}
      aria-label={`Note, ${STATUS_WORD[data.status]}`}
    >
      <p className="diff-note__text">{data.text}</p>
    </section>
  );
});
