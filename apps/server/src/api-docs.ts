import fastifySwagger, { type FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { SANDBOX_DEMO_TOKEN } from '@junction/connect-sandbox';
import { MAX_JSON_DEPTH } from '@junction/process-model';
import type { FastifyInstance } from 'fastify';
import { SECURITY_SCHEME, SECURITY_SCHEMES } from './routes/openapi.ts';

export const SANDBOX_OPENAPI_PATH = 'openapi.json';

type Transform = NonNullable<FastifyDynamicSwaggerOptions['transform']>;

/** `GET /products/:id/items` → `getProductsByIdItems`: the sandbox's routes carry no operationIds. */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? `by-${segment.slice(1)}` : segment))
    .join('-')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join('');
}

/**
 * Two documents from one set of routes: /api/openapi.json describes /api only,
 * the sandbox's document its Connect API (`sandboxPrefix`). Each instance hides
 * the other's routes; Fastify decorators need distinct names for the two.
 */
export async function installApiDocs(
  app: FastifyInstance,
  options: { sandboxPrefix: string },
): Promise<void> {
  const inSandbox = (url: string) => url.startsWith(`${options.sandboxPrefix}/`);
  const onlyApi: Transform = ({ schema, url }) => ({
    schema: url.startsWith('/api/') ? schema : { ...schema, hide: true },
    url,
  });
  // SDK-compatible trailing-slash twins would repeat every operation: documented once.
  const onlySandbox: Transform = ({ schema, url, route }) => {
    if (!inSandbox(url) || url.endsWith('/')) {
      return { schema: { ...schema, hide: true }, url };
    }
    const method = Array.isArray(route.method) ? route.method[0] : route.method;
    const path = url.slice(options.sandboxPrefix.length);
    return { schema: { ...schema, operationId: operationIdFor(String(method), path) }, url };
  };

  await app.register(fastifySwagger, {
    openapi: {
      // 3.1: its schemas are JSON Schema, so `type: null` from TypeBox stays valid.
      openapi: '3.1.0',
      info: {
        title: 'Junction API',
        version: '0.1.0',
        description: `Design, store and run integration processes. JSON bodies nested deeper than ${MAX_JSON_DEPTH} levels, with a key \`__proto__\`, or not valid JSON are answered 400 \`invalid-json\` with issues giving line, column and pointer.`,
      },
      components: { securitySchemes: SECURITY_SCHEMES },
      security: [{ [SECURITY_SCHEME]: [] }],
    },
    transform: onlyApi,
  });
  await app.register(fastifySwagger, {
    decorator: 'sandboxSwagger',
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Junction built-in Connect sandbox',
        version: '0.1.0',
        description:
          'A seeded stand-in for the CloudBlue Connect public API v1, for tests and demos. ' +
          'This document is public; the API takes the public demo token.',
      },
      components: {
        securitySchemes: {
          demoToken: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: `The public demo token, exactly: ${SANDBOX_DEMO_TOKEN}`,
          },
        },
      },
      security: [{ demoToken: [] }],
    },
    transform: onlySandbox,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // Outside the sandbox plugin's context, so its demo-token check does not apply.
  app.get(
    `${options.sandboxPrefix}/${SANDBOX_OPENAPI_PATH}`,
    { schema: { hide: true } },
    async () => (app as unknown as { sandboxSwagger: () => unknown }).sandboxSwagger(),
  );
}
