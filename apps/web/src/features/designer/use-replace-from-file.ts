import type { ProcessReplacePreview } from '@junction/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { describeApiError } from '../../lib/api-issues.ts';
import { previewReplaceRequest, saveProcessRequest } from '../processes/process-queries.ts';
import type { Conflict } from './conflict-banner.tsx';
import { clearDraft } from './draft/local-draft.ts';
import { writeSavedCopy } from './saved-copy.ts';
import { useEditorStoreApi } from './store/editor-context.ts';

export interface PendingReplace {
  preview: ProcessReplacePreview;
  fileName: string;
}

/**
 * Import file… on the designer: the file is read by the server as this process's
 * replacement and compared with the stored latest revision; Replace saves it as the
 * next revision, with If-Match on the revision compared, so a save made meanwhile
 * is a conflict: the comparison then moves to that revision and asks again.
 */
export function useReplaceFromFile(onError: (message: string) => void) {
  const store = useEditorStoreApi();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingReplace | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const read = useMutation({
    // The text goes as it is: the server reports bad JSON by line and column.
    mutationFn: async (file: File) => ({
      preview: await previewReplaceRequest(store.getState().document.id, await file.text()),
      fileName: file.name,
    }),
    onSuccess: (next) => {
      setProblem(null);
      setPending(next);
    },
    onError: (error) => onError(`Could not import the file: ${describeApiError(error)}`),
  });

  const replace = useMutation({
    mutationFn: ({ preview }: PendingReplace) =>
      saveProcessRequest(preview.document, preview.current.revision),
    onSuccess: (saved, { preview }) => {
      const { document } = preview;
      writeSavedCopy(queryClient, { document, revision: saved.revision, issues: saved.issues });
      store.getState().rebase(saved.revision);
      store.getState().apply(() => document);
      clearDraft(localStorage, document.id);
      setPending(null);
      void queryClient.invalidateQueries({ queryKey: ['processes', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['processes', 'revisions', document.id] });
    },
    onError: (error, attempt) => {
      if (error instanceof ApiError && error.status === 409) {
        const current = error.body['current'] as Conflict;
        setPending({
          ...attempt,
          preview: {
            ...attempt.preview,
            current: { revision: current.revision, document: current.document },
          },
        });
        setProblem(
          `Someone saved revision ${current.revision} meanwhile: the file is now compared with it. Replace again to save over it.`,
        );
        return;
      }
      setProblem(`Could not replace the process: ${describeApiError(error)}`);
    },
  });

  return {
    pick: (file: File) => read.mutate(file),
    reading: read.isPending,
    pending,
    problem,
    replacing: replace.isPending,
    confirm: () => pending && replace.mutate(pending),
    cancel: () => {
      setPending(null);
      setProblem(null);
    },
  };
}
