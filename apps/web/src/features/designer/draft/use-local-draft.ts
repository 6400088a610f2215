import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { type EditorState, isDirty } from '../store/editor-store.ts';
import { clearDraft, writeDraft } from './local-draft.ts';

const WRITE_DELAY_MS = 400;

/** Mirrors unsaved changes into localStorage (debounced) and forgets them once saved. */
export function useLocalDraft(store: StoreApi<EditorState>): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.document === previous.document && state.saved === previous.saved) {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        const current = store.getState();
        if (isDirty(current)) {
          writeDraft(localStorage, current.document, current.saved.revision);
        } else {
          clearDraft(localStorage, current.document.id);
        }
      }, WRITE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store]);
}
