import {
  addShape,
  createProcess,
  type ShapeConfig,
  type ShapeKind,
  updateShape,
  validateProcess,
} from '@junction/process-model';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useMemo } from 'react';
import { chooseIn } from '../../../ui/select.test-utils.ts';
import { EditorStoreContext, useEditor } from '../store/editor-context.ts';
import { createEditorStore } from '../store/editor-store.ts';
import { OptionsPanel } from './options-panel.tsx';

export const SHAPE_ID = 'shape';

/** The panel with live validation, as the designer page wires it. */
function ValidatedPanel() {
  const document = useEditor((s) => s.document);
  const issues = useMemo(() => validateProcess(document), [document]);
  return <OptionsPanel issues={issues} readOnly={false} />;
}

/**
 * Renders the Options panel for one shape of `kind` (optionally configured), with
 * live validation as the designer page does. Queries never refetch: tests seed them.
 */
export function renderOptions<K extends ShapeKind>(
  kind: K,
  config?: ShapeConfig<K>,
  seed?: (client: QueryClient) => void,
) {
  let doc = addShape(createProcess({ id: 'p', name: 'P' }), {
    id: SHAPE_ID,
    kind,
    position: { x: 0, y: 0 },
  });
  const shape = doc.shapes[SHAPE_ID];
  if (config !== undefined && shape) {
    doc = updateShape(doc, SHAPE_ID, { ...shape, config } as typeof shape);
  }
  const store = createEditorStore(doc, 1);
  store.getState().select([SHAPE_ID]);
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  });
  seed?.(client);
  const view = render(
    <QueryClientProvider client={client}>
      <EditorStoreContext.Provider value={store}>
        <ValidatedPanel />
      </EditorStoreContext.Provider>
    </QueryClientProvider>,
  );
  const configOf = () => store.getState().document.shapes[SHAPE_ID]?.config as ShapeConfig<K>;
  return { ...view, store, client, config: configOf };
}

/** Types into a field and leaves it, as a user does: one undo entry per blur. */
export function typeInto(label: string, value: string) {
  const field = screen.getByLabelText(label);
  fireEvent.change(field, { target: { value } });
  fireEvent.blur(field);
}

/** Picks a choice of a select (the kit's, or a native one) by its value. */
export function choose(label: string, value: string) {
  const field = screen.getByLabelText(label);
  if (field instanceof HTMLSelectElement) {
    fireEvent.change(field, { target: { value } });
  } else {
    chooseIn(field, value);
  }
}

export function click(name: string) {
  fireEvent.click(screen.getByRole('button', { name }));
}

export function toggle(label: string) {
  fireEvent.click(screen.getByLabelText(label));
}

/** Undo as the toolbar does, inside act so the panel re-renders. */
export function undo(store: ReturnType<typeof renderOptions>['store']) {
  act(() => store.getState().undo());
}

/** The messages shown right under a field (its aria-describedby). */
export function messagesUnder(label: string): string {
  const id = screen.getByLabelText(label).getAttribute('aria-describedby');
  return (id && document.getElementById(id)?.textContent) || '';
}
