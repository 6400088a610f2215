import { type ProcessDocument, trackedSide } from '@junction/process-model';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { describeApiError } from '../../lib/api-issues.ts';
import { navigate } from '../../lib/router.ts';
import { showToast } from '../../ui/toast.tsx';
import { connectionsQuery } from '../connections/connection-queries.ts';
import { importProcessRequest, saveProcessRequest } from '../processes/process-queries.ts';
import { PausePanel } from '../runs/pause-panel.tsx';
import { RunPanel } from '../runs/run-panel.tsx';
import { cancelRunRequest } from '../runs/run-queries.ts';
import { RunSummary } from '../runs/run-summary.tsx';
import { TestInputDialog } from '../runs/test-input-dialog.tsx';
import { useTestRun } from '../runs/use-test-run.ts';
import { ProcessCanvas } from './canvas/process-canvas.tsx';
import { shapeTitle } from './canvas/to-flow.ts';
import type { CommandContext } from './commands/designer-commands.ts';
import { exportImage } from './commands/export-image.ts';
import { useDesignerShortcuts } from './commands/use-designer-shortcuts.ts';
import { type Conflict, ConflictBanner } from './conflict-banner.tsx';
import { clearDraft } from './draft/local-draft.ts';
import { useLocalDraft } from './draft/use-local-draft.ts';
import { FindShape } from './find-shape.tsx';
import { OptionsPanel } from './inspector/options-panel.tsx';
import { Palette } from './palette/palette.tsx';
import { ReplaceFromFile } from './replace-from-file.tsx';
import { useIsDirty, writeSavedCopy } from './saved-copy.ts';
import { useEditor, useEditorStoreApi } from './store/editor-context.ts';
import { Toolbar } from './toolbar.tsx';
import { useReplaceFromFile } from './use-replace-from-file.ts';
import { useValidation } from './use-validation.ts';

/** Problems that need no answer (a paste, a test that could not start) are toasts, kept until dismissed. */
function notifyError(message: string): void {
  showToast({ tone: 'error', title: message });
}

/** The open designer: toolbar, palette, canvas, the Options or Test panel, and banners. */
export function EditorLayout() {
  const store = useEditorStoreApi();
  const queryClient = useQueryClient();
  const flow = useReactFlow();
  const document = useEditor((s) => s.document);
  const selectedShape = useEditor((s) =>
    s.selectedShapes.length === 1 ? (s.selectedShapes[0] ?? null) : null,
  );
  const connections = useQuery(connectionsQuery);
  const defaultConnectionId =
    connections.data?.find((c) => c.kind === 'sandbox')?.id ?? connections.data?.[0]?.id;
  const issues = useValidation(document);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [finding, setFinding] = useState(false);
  const [editingInput, setEditingInput] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const runId = useEditor((s) => s.runId);
  const inspectedDocument = useEditor((s) => s.inspectedDocument);
  const test = useTestRun({
    runId,
    inspectedDocument,
    currentDocument: () => store.getState().document,
    breakpoints: () => store.getState().breakpoints,
    showRun: (id) => store.getState().showRun(id),
    onError: notifyError,
  });
  useLocalDraft(store);
  const dirty = useIsDirty();
  const replaceFromFile = useReplaceFromFile(notifyError);

  const save = useMutation({
    mutationFn: ({ doc, revision }: { doc: ProcessDocument; revision: number }) =>
      saveProcessRequest(doc, revision),
    onSuccess: (result, { doc }) => {
      writeSavedCopy(queryClient, {
        document: doc,
        revision: result.revision,
        issues: result.issues,
      });
      store.getState().rebase(result.revision);
      clearDraft(localStorage, doc.id);
      setConflict(null);
      void queryClient.invalidateQueries({ queryKey: ['processes', 'list'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setConflict(error.body['current'] as Conflict);
      }
    },
  });

  const saveCopy = useMutation({
    mutationFn: () => {
      const doc = store.getState().document;
      return importProcessRequest({ ...doc, id: crypto.randomUUID(), name: `${doc.name} (copy)` });
    },
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['processes', 'list'] });
      navigate({ page: 'designer', processId: created.id });
    },
    onError: (error) => notifyError(`Could not save a copy: ${describeApiError(error)}`),
  });

  const doSave = () => {
    const state = store.getState();
    save.mutate({ doc: state.document, revision: state.revision });
  };
  const titleOf = (id: string) => {
    const shape = store.getState().document.shapes[id];
    return shape ? shapeTitle(shape) : id;
  };
  const openRun = (id: string) => {
    setHistoryOpen(false);
    store.getState().showRun(id);
  };

  const commandContext: CommandContext = {
    store,
    save: doSave,
    openFind: () => setFinding(true),
    notify: notifyError,
    readOnly: () => store.getState().runId !== null,
    viewCenter: () => {
      const canvas = window.document.querySelector('.canvas')?.getBoundingClientRect();
      return flow.screenToFlowPosition({
        x: canvas ? canvas.left + canvas.width / 2 : 400,
        y: canvas ? canvas.top + canvas.height / 2 : 300,
      });
    },
  };
  useDesignerShortcuts(commandContext);

  return (
    <div className="designer">
      <Toolbar
        saving={save.isPending}
        onSave={doSave}
        onTest={test.start}
        testing={test.starting}
        commands={commandContext}
        onEditInput={() => setEditingInput(true)}
        onHistory={() => setHistoryOpen(true)}
        onImportFile={replaceFromFile.pick}
        onExportImage={(format) =>
          void exportImage(format, flow.getNodes(), store.getState().document.name)
        }
      />
      {save.isError && !conflict && (
        <p role="alert" className="banner is-error">
          Could not save: {describeApiError(save.error)}
        </p>
      )}
      {conflict && (
        <ConflictBanner
          conflict={conflict}
          onLoadTheirs={() => {
            writeSavedCopy(queryClient, {
              document: conflict.document,
              revision: conflict.revision,
            });
            store.getState().rebase(conflict.revision);
            store.getState().apply(() => conflict.document);
            setConflict(null);
          }}
          onOverwrite={() =>
            save.mutate({ doc: store.getState().document, revision: conflict.revision })
          }
          onSaveCopy={() => saveCopy.mutate()}
        />
      )}
      {test.run && (
        <RunSummary
          run={test.run}
          onCancel={() => test.run && void cancelRunRequest(test.run.id)}
          onClose={() => {
            setHistoryOpen(false);
            store.getState().showRun(null);
          }}
        />
      )}
      {test.run?.paused && test.run.status === 'running' && (
        <PausePanel
          key={`${test.run.id}:${test.run.paused.pause}`}
          runId={test.run.id}
          pause={test.run.paused}
          shapeTitle={titleOf}
        />
      )}
      {replaceFromFile.pending && (
        <ReplaceFromFile
          preview={replaceFromFile.pending.preview}
          fileName={replaceFromFile.pending.fileName}
          dirty={dirty}
          replacing={replaceFromFile.replacing}
          problem={replaceFromFile.problem}
          onReplace={replaceFromFile.confirm}
          onCancel={replaceFromFile.cancel}
        />
      )}
      {finding && <FindShape onClose={() => setFinding(false)} />}
      {editingInput && (
        <TestInputDialog processId={document.id} onClose={() => setEditingInput(false)} />
      )}
      <div className="designer__body">
        <Palette defaultConnectionId={defaultConnectionId} disabled={test.runId !== null} />
        <ProcessCanvas
          issues={issues}
          run={test.run}
          defaultConnectionId={defaultConnectionId}
          lineageShapes={test.lineageShapes}
        />
        {test.runId !== null || historyOpen ? (
          <RunPanel
            key={test.runId ?? 'history'}
            processId={document.id}
            runId={test.runId}
            run={test.run}
            selectedShape={selectedShape}
            inspectedDocument={test.inspectedDocument}
            shapeTitle={titleOf}
            trackedSide={(id) => {
              const shape = document.shapes[id];
              return shape && trackedSide(shape);
            }}
            selectShape={(id) => store.getState().select([id])}
            inspectDocument={(id) => store.getState().inspectDocument(id)}
            openRun={openRun}
            onRetry={test.retry}
            onRerunFromShape={test.rerunFrom}
            onClose={() => setHistoryOpen(false)}
          />
        ) : (
          <OptionsPanel issues={issues} readOnly={false} />
        )}
      </div>
    </div>
  );
}
