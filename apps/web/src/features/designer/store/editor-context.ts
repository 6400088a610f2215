import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { EditorState } from './editor-store.ts';

export const EditorStoreContext = createContext<StoreApi<EditorState> | null>(null);

export function useEditorStoreApi(): StoreApi<EditorState> {
  const store = useContext(EditorStoreContext);
  if (!store) {
    throw new Error('useEditor must be used inside the designer (EditorStoreContext).');
  }
  return store;
}

/** Subscribes to a narrow slice of the editor; components re-render only when it changes. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}
