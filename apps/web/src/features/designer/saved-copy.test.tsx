import type { ProcessView } from '@junction/api';
import { createProcess, moveShapes } from '@junction/process-model';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { processKeys } from '../processes/process-queries.ts';
import { isDirty, readSavedCopy, useIsDirty, writeSavedCopy } from './saved-copy.ts';
import { EditorStoreContext } from './store/editor-context.ts';
import { createEditorStore } from './store/editor-store.ts';

const saved = createProcess({ id: 'p', name: 'P' });

/** A designer as the page opens it: the saved copy in the cache, the store made from it. */
function openEditor() {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  });
  const stored: ProcessView = { document: saved, revision: 1, updatedAt: '', issues: [] };
  client.setQueryData(processKeys.detail('p'), stored);
  const store = createEditorStore(saved, 1);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>
    </QueryClientProvider>
  );
  const dirty = renderHook(useIsDirty, { wrapper });
  return { client, store, dirty };
}

describe('saved copy', () => {
  it('compares as files, so an edit undone by hand is clean', () => {
    const moved = moveShapes(saved, { start: { x: 1, y: 1 } });
    expect(isDirty(saved, saved)).toBe(false);
    expect(isDirty(moved, saved)).toBe(true);
    expect(isDirty(moveShapes(moved, { start: saved.layout['start']! }), saved)).toBe(false);
    expect(isDirty(saved, undefined)).toBe(true);
  });

  it('is dirty after an edit and clean again after undoing it', () => {
    const { store, dirty } = openEditor();
    expect(dirty.result.current).toBe(false);
    act(() => store.getState().apply((d) => moveShapes(d, { start: { x: 5, y: 5 } })));
    expect(dirty.result.current).toBe(true);
    act(() => store.getState().undo());
    expect(dirty.result.current).toBe(false);
  });

  it('is clean once a save puts the working copy in the cache as the saved copy', async () => {
    const { client, store, dirty } = openEditor();
    act(() => store.getState().apply((d) => moveShapes(d, { start: { x: 5, y: 5 } })));
    act(() => {
      writeSavedCopy(client, { document: store.getState().document, revision: 2, issues: [] });
      store.getState().rebase(2);
    });
    await waitFor(() => expect(dirty.result.current).toBe(false));
    expect(readSavedCopy(client, 'p')).toMatchObject({ revision: 2, updatedAt: '' });
    expect(store.getState().revision).toBe(2);
  });

  it('is clean after loading their version in a conflict', async () => {
    const { client, store, dirty } = openEditor();
    const theirs = moveShapes(saved, { start: { x: 9, y: 9 } });
    act(() => store.getState().apply((d) => moveShapes(d, { start: { x: 5, y: 5 } })));
    act(() => {
      writeSavedCopy(client, { document: theirs, revision: 3 });
      store.getState().rebase(3);
      store.getState().apply(() => theirs);
    });
    await waitFor(() => expect(dirty.result.current).toBe(false));
    expect(readSavedCopy(client, 'p')?.document).toBe(theirs);
  });
});
