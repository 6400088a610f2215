import type { ConnectionView } from '@junction/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { choicesOf, chooseIn } from '../../ui/select.test-utils.ts';
import { TestControls } from './test-controls.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const at = '2026-12-05T12:00:00.000Z';
const connection = (id: string, name: string, kind: ConnectionView['kind']): ConnectionView => ({
  id,
  name,
  kind,
  endpoint: kind === 'sandbox' ? '/sandbox' : 'https://api.connect.cloudblue.com/public/v1',
  createdAt: at,
  updatedAt: at,
});

/** The server's answers: the sandbox and one live connection, nothing pinned. */
function renderControls(onTest: (connectionId: string, usePinned: boolean) => void) {
  const items = [
    connection('sandbox', 'Built-in sandbox', 'sandbox'),
    connection('live-1', 'Production', 'cloudblue-connect'),
  ];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) =>
      url === '/api/connections'
        ? new Response(JSON.stringify({ items }), { status: 200 })
        : new Response(JSON.stringify({ documents: [] }), { status: 200 }),
    ),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <TestControls
        processId="p1"
        dirty={false}
        testing={false}
        onTest={onTest}
        onEditInput={() => undefined}
        onHistory={() => undefined}
      />
    </QueryClientProvider>,
  );
}

describe('TestControls', () => {
  it('tests against the sandbox unless a live connection is chosen, and then warns', async () => {
    const onTest = vi.fn();
    renderControls(onTest);
    // Named by its label alone, whichever connection is chosen.
    const picker = screen.getByRole('combobox', { name: 'Test against' });
    await waitFor(() => expect(picker.textContent).toBe('Built-in sandbox (sandbox)'));
    expect(choicesOf(picker)).toEqual(['Built-in sandbox (sandbox)', 'Production (LIVE)']);
    expect(screen.queryByText(/Live Connect/)).toBeNull();

    chooseIn(picker, 'live-1');
    expect(screen.getByText('Live Connect: real data will change')).toBeTruthy();
    const test = screen.getByRole('button', { name: 'Test' });
    await waitFor(() => expect((test as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(test);
    expect(onTest).toHaveBeenCalledWith('live-1', false);
  });
});
