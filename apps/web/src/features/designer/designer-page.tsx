import type { ProcessView } from '@junction/api';
import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { processQuery } from '../processes/process-queries.ts';
import { clearDraft, type LocalDraft, readDraft } from './draft/local-draft.ts';
import { EditorLayout } from './editor-layout.tsx';
import { EditorStoreContext } from './store/editor-context.ts';
import { createEditorStore, type EditorState } from './store/editor-store.ts';

/** Loads a process and opens an editor on it. */
export function DesignerPage({ processId }: { processId: string }) {
  // Opened on a process, the app asked for it before this mounted (prefetchFor), with
  // the usual retries: its answer stands, where asking again on mount would repeat a
  // 404. Trying again is the user's choice.
  const query = useQuery({ ...processQuery(processId), retryOnMount: false });
  if (query.isPending) {
    return <p className="page-message">Loading process…</p>;
  }
  if (query.isError) {
    return (
      <div className="page-message">
        <p role="alert">Could not open this process: {query.error.message}</p>
        <button type="button" onClick={() => void query.refetch()} disabled={query.isFetching}>
          Try again
        </button>
      </div>
    );
  }
  return <Editor key={processId} stored={query.data} />;
}

function Editor({ stored }: { stored: ProcessView }) {
  const [store] = useState<StoreApi<EditorState>>(() =>
    createEditorStore(stored.document, stored.revision),
  );
  const [draft, setDraft] = useState<LocalDraft | null>(() =>
    readDraft(localStorage, stored.document),
  );
  return (
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        {draft && (
          <div role="alert" className="banner is-warning">
            You have unsaved changes from {new Date(draft.savedAt).toLocaleString()}
            {draft.revision !== stored.revision
              ? ` (made on revision ${draft.revision}, now ${stored.revision})`
              : ''}
            .
            <button
              type="button"
              onClick={() => {
                store.getState().apply(() => draft.document);
                setDraft(null);
              }}
            >
              Restore them
            </button>
            <button
              type="button"
              onClick={() => {
                clearDraft(localStorage, stored.document.id);
                setDraft(null);
              }}
            >
              Discard them
            </button>
          </div>
        )}
        <EditorLayout />
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
}
