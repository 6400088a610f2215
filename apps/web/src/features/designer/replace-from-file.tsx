import type { ProcessReplacePreview } from '@junction/api';
import { useEffect, useRef, useState } from 'react';
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
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  // The canvas fits its view when first drawn: only once the dialog has a size.
  const [shown, setShown] = useState(false);
  // Modal: focus moves in and stays, the designer behind is inert, Escape cancels.
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    // Enter at once must not replace anything: the safe choice has the focus.
    cancel.current?.focus();
    setShown(true);
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="import-diff"
      aria-labelledby="replace-from-file-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="replace-from-file-title">
        Replace “{current.document.name}” with {props.fileName}
      </h2>
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
      {shown && (
        <DiffView
          before={current.document}
          after={preview.document}
          label={`The file compared with revision ${current.revision}`}
        />
      )}
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
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={props.replacing}
          onClick={props.onReplace}
        >
          Replace process
        </button>
        <button ref={cancel} type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
