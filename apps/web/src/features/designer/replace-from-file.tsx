import type { ProcessReplacePreview } from '@junction/api';
import { useRef } from 'react';
import { Dialog } from '../../ui/dialog.tsx';
import { DiffView } from '../compare/diff-view.tsx';

/**
 * A process file about to replace the open process: the file compared with the
 * stored latest revision on the diff canvas, its validation issues, and an explicit
 * choice. Nothing is stored until Replace process.
 */
export function ReplaceFromFile(props: {
  preview: ProcessReplacePreview;
  fileName: string;
  /** The designer holds unsaved changes, which replacing discards. */
  dirty: boolean;
  replacing: boolean;
  /** Why the last Replace did not go through (a newer revision, a refusal), if it did not. */
  problem: string | null;
  onReplace: () => void;
  onCancel: () => void;
}) {
  const { preview, onCancel } = props;
  const { current } = preview;
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title={`Replace “${current.document.name}” with ${props.fileName}`}
      size="full"
      className="import-diff"
      // Enter at once must not replace anything: the safe choice has the focus.
      initialFocus={cancel}
      onClose={onCancel}
    >
      <p className="hint">
        Revision {current.revision} (before) against the file (after). Nothing is stored until you
        replace; the file is then saved as revision {current.revision + 1}, and earlier revisions
        stay in the history.
      </p>
      {preview.fileId !== preview.document.id && (
        <p className="hint">
          The file was exported from another process ({preview.fileId}): its content replaces this
          process’s, which keeps its id.
        </p>
      )}
      {props.dirty && <p className="banner is-warning">Replacing discards your unsaved changes.</p>}
      {props.problem && (
        <p role="alert" className="banner is-error">
          {props.problem}
        </p>
      )}
      <DiffView
        before={current.document}
        after={preview.document}
        label={`The file compared with revision ${current.revision}`}
      />
      {preview.issues.length > 0 && (
        <>
          <h3 id="replace-issues">Issues to fix after replacing ({preview.issues.length})</h3>
          <ul aria-labelledby="replace-issues">
            {preview.issues.map((issue) => (
              <li key={`${issue.pointer} ${issue.code}`}>
                {issue.message} <span className="hint">({issue.pointer})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="ui-dialog__actions">
        <button ref={cancel} type="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={props.replacing}
          onClick={props.onReplace}
        >
          Replace process
        </button>
      </div>
    </Dialog>
  );
}
