import type { ProcessDocument } from '@junction/process-model';

export interface Conflict {
  revision: number;
  document: ProcessDocument;
}

/** A 409 on save: a clear choice, and no option loses work silently. */
export function ConflictBanner({
  conflict,
  onLoadTheirs,
  onOverwrite,
  onSaveCopy,
}: {
  conflict: Conflict;
  onLoadTheirs: () => void;
  onOverwrite: () => void;
  onSaveCopy: () => void;
}) {
  return (
    <div role="alert" className="banner is-warning">
      Someone else saved revision {conflict.revision} while you were editing.
      <button type="button" onClick={onLoadTheirs}>
        Load their version
      </button>
      <button type="button" onClick={onOverwrite}>
        Overwrite with mine
      </button>
      <button type="button" onClick={onSaveCopy}>
        Save mine as a copy
      </button>
    </div>
  );
}
