import { MAX_NOTE_LENGTH, updateNoteText } from '@junction/process-model';
import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEditorStoreApi } from '../store/editor-context.ts';

export type NoteNode = Node<{ noteId: string; text: string; readOnly: boolean }, 'note'>;

/** A canvas note: free text next to the flow, with no effect at run time. */
export const NoteNodeView = memo(function NoteNodeView({ data, selected }: NodeProps<NoteNode>) {
  const store = useEditorStoreApi();
  return (
    <section className={`note-node${selected ? ' is-selected' : ''}`} aria-label="Note">
      <textarea
        className="nodrag"
        aria-label="Note text"
        maxLength={MAX_NOTE_LENGTH}
        readOnly={data.readOnly}
        value={data.text}
        rows={3}
        onChange={(e) =>
          store.getState().applyLive((doc) => updateNoteText(doc, data.noteId, e.target.value))
        }
        onBlur={() => store.getState().commitGesture()}
      />
    </section>
  );
});
