import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { choicesOf } from '../../../ui/select.test-utils.ts';
import { WebhookRegister } from './webhook-register.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

/** The server as the component sees it: deployments, connections, and the registration. */
function server(registration: Response) {
  const calls: Array<{ url: string; body: unknown }> = [];
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    calls.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (url.endsWith('/Deployment/query')) {
      return json(200, {
        numberOfResults: 1,
        result: [{ id: 'd1', processId: 'hook', environmentId: 'production', revision: 1 }],
      });
    }
    if (url === '/api/connections') {
      return json(200, {
        items: [
          { id: 'platform', name: 'Platform', kind: 'junction-platform' },
          { id: 'sandbox', name: 'Sandbox', kind: 'sandbox' },
        ],
      });
    }
    return registration;
  });
  vi.stubGlobal('fetch', fetch);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <WebhookRegister processId="hook" />
    </QueryClientProvider>,
  );
  return calls;
}

describe('WebhookRegister', () => {
  it('registers through a Connect connection and says where Connect will call', async () => {
    const calls = server(
      json(201, {
        webhookId: 'WH-1',
        objectClass: 'fulfillment_request',
        externalUrl: 'https://junction.example/api/listen/production/hook',
        productId: 'PRD-1',
      }),
    );
    const connection = await screen.findByLabelText('Connect connection');
    // Only Connect connections: the Junction platform one cannot hold webhooks.
    await waitFor(() => expect(connection.textContent).toBe('Sandbox'));
    expect(choicesOf(connection)).toEqual(['Sandbox']);
    const button = screen.getByRole('button', { name: 'Register webhook on Connect' });
    expect(button).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Product id'), { target: { value: ' PRD-1 ' } });
    fireEvent.click(button);
    await screen.findByText(
      'Registered webhook WH-1: Connect calls https://junction.example/api/listen/production/hook.',
    );
    expect(calls.at(-1)).toEqual({
      url: '/api/processes/hook/connect-webhook',
      body: { environmentId: 'production', connectionId: 'sandbox', productId: 'PRD-1' },
    });
  });

  it('shows the server’s refusal', async () => {
    server(json(409, { error: 'no-secret', message: 'Save the webhook’s JWT secret first.' }));
    fireEvent.change(await screen.findByLabelText('Product id'), { target: { value: 'PRD-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Register webhook on Connect' }));
    await screen.findByText('Could not register the webhook: Save the webhook’s JWT secret first.');
  });
});
