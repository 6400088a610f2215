import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  url: string;
}

/**
 * Every route the app serves, read from `printRoutes` (a tree: each line adds
 * its segment to its parent's path), so a new route is covered without a list.
 */
export function listRoutes(app: FastifyInstance): RouteEntry[] {
  const stack: string[] = [];
  const routes: RouteEntry[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const marker = line.indexOf('── ');
    if (marker < 0) {
      continue;
    }
    const depth = Math.round((marker - 1) / 4);
    const match = /^(.*?)(?: \(([^)]*)\))?$/.exec(line.slice(marker + 3));
    const segment = match?.[1] ?? '';
    stack.length = depth;
    stack.push(segment);
    for (const method of (match?.[2] ?? '').split(',').map((m) => m.trim())) {
      if (method && method !== 'HEAD') {
        routes.push({ method, url: stack.join('') });
      }
    }
  }
  return routes;
}
