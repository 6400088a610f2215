export { type AppOptions, buildApp, SANDBOX_PREFIX } from './app.ts';
export { executeProcess } from './runtime/engine.ts';
