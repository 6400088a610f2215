import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ConnectWebhookRegistrationBodySchema,
  ConnectWebhookRegistrationSchema,
} from '@junction/api';
import { notFound } from '../errors.ts';
import { AUTH_ERRORS, errors, operation } from '../routes/openapi.ts';
import { IdParams } from '../routes/schemas.ts';
import type { Services } from '../services.ts';
import { registerConnectWebhook, type WebhookRegisterDeps } from './webhook-register.ts';

/**
 * "Register webhook on Connect": a POST, so the auth hook asks for the build
 * permission (builder or admin), like deploying.
 */
export const webhookRegisterRoute =
  (services: Services, deps: WebhookRegisterDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/processes/:id/connect-webhook',
      {
        schema: {
          ...operation('registerConnectWebhook', 'listeners'),
          summary: 'Register the deployed webhook listener on Connect',
          description:
            "Creates a webhook on Connect (POST /notifications/webhooks) through one of the account's Connect connections, calling the listener's URL in the environment and signed with the listener's sealed secret.",
          params: IdParams,
          body: ConnectWebhookRegistrationBodySchema,
          response: {
            201: ConnectWebhookRegistrationSchema,
            ...errors(400, 404, 409, 502),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request, reply) => {
        const accountId = services.accountOf(request);
        if (!(await services.processes.get(accountId, request.params.id))) {
          throw notFound(`Process ${request.params.id}`);
        }
        const created = await registerConnectWebhook(deps, {
          accountId,
          processId: request.params.id,
          ...request.body,
        });
        return reply.status(201).send(created);
      },
    );
  };
