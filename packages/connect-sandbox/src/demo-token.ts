/**
 * The Authorization header value the sandbox accepts unless told otherwise. Its own
 * module (the `/demo-token` subpath) so a host that stores sandbox connections without
 * serving the sandbox, a run worker, need not load Fastify.
 */
export const SANDBOX_DEMO_TOKEN = 'ApiKey SU-000-000-000:sandbox-demo-secret';
