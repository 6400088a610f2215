/**
 * `@junction/runtime/threads`: the engine in a pool of worker threads, for hosts
 * whose own event loop must stay free (the server). Kept apart from the main entry so
 * hosts that run in process (the CLI) never load the pool.
 */
export { createEnginePool, type EnginePool, type EnginePoolOptions } from './engine-pool.ts';
