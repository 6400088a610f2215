import { type ProcessDocument, validateProcess } from '@junction/process-model';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useMemo, useState } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { ApiError } from '../../lib/api.ts';
import { connectionsQuery } from '../connections/connection-queries.ts';
import {
  processKeys,
  processQuery,
  type StoredProcess,
  saveProcessRequest,
} from '../processes/process-queries.ts';
import { cancelRunRequest, runQuery, startRunRequest } from '../runs/run-queries.ts';
import { RunSummary } from '../runs/run-summary.tsx';
import { ProcessCanvas } from './canvas/process-canvas.tsx';
import { OptionsPanel } from './inspector/options-panel.tsx';
import { Palette } from './palette/palette.tsx';
import { EditorStoreContext, useEditor, useEditorStoreApi } from './store/editor-context.ts';
import { createEditorStore, type EditorState } from './store/editor-store.ts';
import { Toolbar } from './toolbar.tsx';

/** Loads a process and opens an editor on it. */
export function DesignerPage({ processId }: { processId: string }) {
  const query = useQuery(processQuery(processId));
  if (query.isPending) {
    return <p className="page-message">Loading process…</p>;
  }
  if (query.isError) {
    return (
      <p className="page-message" role="alert">
        Could not open this process: {query.error.message}
      </p>
    );
  }
  return <Editor key={processId} stored={query.data} />;
}

function Editor({ stored }: { stored: StoredProcess }) {
  const [store] = useState<StoreApi<EditorState>>(() =>
    createEditorStore(stored.document, stored.revision),
  );
  return (
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <EditorLayout />
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
}

function EditorLayout() {
  const store = useEditorStoreApi();
  const queryClient = useQueryClient();
  const document = useEditor((s) => s.document);
  const runId = useEditor((s) => s.runId);
  const connections = useQuery(connectionsQuery);
  const defaultConnectionId =
    connections.data?.find((c) => c.kind === 'sandbox')?.id ?? connections.data?.[0]?.id;
  const issues = useMemo(() => validateProcess(document), [document]);
  const run = useQuery({ ...runQuery(runId ?? ''), enabled: runId !== null });
  const [conflict, setConflict] = useState<{ revision: number; document: ProcessDocument } | null>(
    null,
  );
  const [runError, setRunError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: ({ doc, revision }: { doc: ProcessDocument; revision: number }) =>
      saveProcessRequest(doc, revision),
    onSuccess: (result, { doc }) => {
      store.getState().markSaved(doc, result.revision);
      setConflict(null);
      queryClient.setQueryData(processKeys.detail(doc.id), (old: StoredProcess | undefined) =>
        old ? { ...old, document: doc, revision: result.revision, issues: result.issues } : old,
      );
      void queryClient.invalidateQueries({ queryKey: ['processes', 'list'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setConflict(error.body['current'] as { revision: number; document: ProcessDocument });
      }
    },
  });

  const startRun = useMutation({
    mutationFn: (connectionId: string) =>
      startRunRequest({
        process: store.getState().document,
        processId: store.getState().document.id,
        connectionId,
      }),
    onMutate: () => setRunError(null),
    onSuccess: ({ id }) => store.getState().showRun(id),
    onError: (error) => setRunError(error.message),
  });

  const doSave = () => {
    const state = store.getState();
    save.mutate({ doc: state.document, revision: state.saved.revision });
  };

  return (
    <div className="designer">
      <Toolbar
        saving={save.isPending}
        onSave={doSave}
        onTest={(id) => startRun.mutate(id)}
        testing={startRun.isPending}
      />
      {save.isError && !conflict && (
        <p role="alert" className="banner is-error">
          Could not save: {save.error.message}
        </p>
      )}
      {conflict && (
        <div role="alert" className="banner is-warning">
          Someone else saved revision {conflict.revision} while you were editing.
          <button
            type="button"
            onClick={() => {
              store.getState().markSaved(conflict.document, conflict.revision);
              store.getState().apply(() => conflict.document);
              setConflict(null);
            }}
          >
            Load their version
          </button>
          <button
            type="button"
            onClick={() =>
              save.mutate({ doc: store.getState().document, revision: conflict.revision })
            }
          >
            Save mine over it
          </button>
        </div>
      )}
      {runError && (
        <p role="alert" className="banner is-error">
          Could not start the test: {runError}
        </p>
      )}
      {run.data && (
        <RunSummary
          run={run.data}
          onCancel={() => void cancelRunRequest(run.data.id)}
          onClose={() => store.getState().showRun(null)}
        />
      )}
      <div className="designer__body">
        <Palette defaultConnectionId={defaultConnectionId} disabled={runId !== null} />
        <ProcessCanvas
          issues={issues}
          run={runId ? run.data : undefined}
          defaultConnectionId={defaultConnectionId}
        />
        <OptionsPanel issues={issues} readOnly={runId !== null} />
      </div>
    </div>
  );
}
