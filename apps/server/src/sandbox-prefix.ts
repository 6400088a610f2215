/** Where the server serves the built-in sandbox's Connect API; its connections point here. */
export const SANDBOX_PREFIX = '/sandbox/connect/public/v1';
