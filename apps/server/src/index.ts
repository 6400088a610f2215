export { type AppOptions, buildApp, SANDBOX_PREFIX } from './app.ts';
