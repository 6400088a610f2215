import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { isDirty, readSavedCopy } from '../saved-copy.ts';
import type { EditorState } from '../store/editor-store.ts';
import { clearDraft, writeDraft } from './local-draft.ts';

const WRITE_DELAY_MS = 400;

/**
 * Mirrors unsaved changes into localStorage (debounced) and forgets them once saved.
 * A save or loading theirs always rebases the store, so watching the store is enough.
 */
export function useLocalDraft(store: StoreApi<EditorState>): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.document === previous.document && state.revision === previous.revision) {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        const { document, revision } = store.getState();
        if (isDirty(document, readSavedCopy(queryClient, document.id)?.document)) {
          writeDraft(localStorage, document, revision);
        } else {
          clearDraft(localStorage, document.id);
        }
      }, WRITE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, queryClient]);
}
