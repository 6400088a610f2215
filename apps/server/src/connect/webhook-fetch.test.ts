import { describe, expect, it } from 'vitest';
import { createSandboxWebhookFetch, isListenerPath } from './webhook-fetch.ts';

describe('createSandboxWebhookFetch', () => {
  const route = (url: string) => {
    const used: string[] = [];
    const fetch = createSandboxWebhookFetch({
      publicUrl: 'https://junction.example.com',
      inApp: async () => {
        used.push('in-app');
        return new Response(null);
      },
      outside: async () => {
        used.push('outside');
        return new Response(null);
      },
    });
    return fetch(url).then(() => used[0]);
  };

  it('keeps calls to this server’s listeners in process', async () => {
    expect(await route('https://junction.example.com/api/listen/prod/orders')).toBe('in-app');
  });

  it.each([
    'https://junction.example.com/api/processes',
    'https://junction.example.com:8443/api/listen/prod/orders',
    'http://junction.example.com/api/listen/prod/orders',
    'https://junction.example.com.evil.test/api/listen/prod/orders',
    'https://junction.example.com/api/listen/prod/..%2F..%2Fprocesses',
    'https://junction.example.com/api/listen%2F..%2Fprocesses',
    'http://169.254.169.254/latest/meta-data',
  ])('sends %s through the guarded fetch', async (url) => {
    expect(await route(url)).toBe('outside');
  });

  it('refuses undecodable paths', () => {
    expect(isListenerPath('/api/listen/%E0%A4%A')).toBe(false);
  });
});
