import { existsSync, readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { connectSandbox } from './plugin.ts';
import { createSandboxState } from './seed/create-state.ts';

const SPEC = new URL('../../connect-client/vendor/connect-openapi/openapi.yml', import.meta.url);

// `/requests/{id}` and `/requests/:id` both become `/requests/{}`.
function normalise(path: string): string {
  return path.replace(/\{[^}]+\}/g, '{}').replace(/:[a-z_]+/g, '{}');
}

/** `METHOD /path` for every operation in the official OpenAPI file (read line by line, no YAML parser needed). */
function specOperations(): Set<string> {
  const operations = new Set<string>();
  let current = '';
  for (const line of readFileSync(SPEC, 'utf8').split('\n')) {
    const path = /^ {2}(\/\S*):\s*$/.exec(line);
    if (path) {
      current = normalise(path[1] ?? '');
      continue;
    }
    const method = /^ {4}(get|post|put|delete|patch):\s*$/.exec(line);
    if (method && current) {
      operations.add(`${(method[1] ?? '').toUpperCase()} ${current}`);
    }
  }
  return operations;
}

describe.skipIf(!existsSync(SPEC))('routes against the official OpenAPI spec', () => {
  it('serves only operations the spec declares', async () => {
    const app = Fastify();
    const routes: string[] = [];
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD' && !route.url.endsWith('/')) {
          routes.push(`${method} ${normalise(route.url.replace('/public/v1', ''))}`);
        }
      }
    });
    await app.register(connectSandbox, {
      prefix: '/public/v1',
      state: createSandboxState({ scale: 10 }),
    });
    await app.ready();
    const spec = specOperations();
    expect(spec.size).toBeGreaterThan(500);
    expect(routes.length).toBeGreaterThan(80);
    expect(routes.filter((route) => !spec.has(route))).toEqual([]);
    await app.close();
  });
});
