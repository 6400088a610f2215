import { createProcess, defaultHttpListener, type ShapeConfig } from '@junction/process-model';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseIn } from '../../../ui/select.test-utils.ts';
import { EditorStoreContext } from '../store/editor-context.ts';
import { createEditorStore } from '../store/editor-store.ts';
import { OptionsPanel } from './options-panel.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The Options panel for a process's Start shape, set to listen for HTTP calls on `orders`. */
function renderListenStart() {
  // The secret, deployments and connections queries get empty answers.
  vi.stubGlobal('fetch', async () => new Response('{}', { status: 404 }));
  const base = createProcess({ id: 'p', name: 'P' });
  const start = base.shapes['start'];
  if (start?.kind !== 'start') {
    throw new Error('createProcess makes a Start shape');
  }
  const store = createEditorStore(
    {
      ...base,
      shapes: {
        ...base.shapes,
        start: {
          ...start,
          config: { mode: 'listen', listener: { ...defaultHttpListener(), path: 'orders' } },
        },
      },
    },
    1,
  );
  store.getState().select(['start']);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <EditorStoreContext.Provider value={store}>
        <OptionsPanel issues={[]} readOnly={false} />
      </EditorStoreContext.Provider>
    </QueryClientProvider>,
  );
  return () => store.getState().document.shapes['start']?.config as ShapeConfig<'start'>;
}

describe('Listen for Connect webhook calls', () => {
  it('turns the listener into a Connect webhook, keeping its path, and picks the object class', () => {
    const config = renderListenStart();
    chooseIn(screen.getByLabelText('Listen for'), 'connect-webhook');
    expect(config()).toMatchObject({
      mode: 'listen',
      listener: { kind: 'connect-webhook', path: 'orders', answer: { mode: 'async' } },
    });
    chooseIn(screen.getByLabelText('Object class'), 'tier_config_request');
    expect(config()).toMatchObject({ listener: { objectClass: 'tier_config_request' } });
    // No method or body schema: Connect always POSTs its own payload.
    expect(screen.queryByLabelText('Method')).toBeNull();
    expect(screen.getByRole('group', { name: 'Connect webhook' })).toBeTruthy();
  });
});
