import { defineConfig } from 'vitest/config';

/**
 * The server's tests open and drop hundreds of PGlite instances (WebAssembly) in a
 * worker. Twice across the last two sessions' full runs, a worker died on exit in
 * V8's bookkeeping of freed wasm code (`Check failed: jit_page_->allocations_.erase`
 * in `UnregisterWasmAllocation`) after all its tests had passed, failing the suite.
 * Wasm code GC frees such code while the module lives; without it, code is freed with
 * its module. A workaround for a V8 fault, not a fix of ours: drop it when Node's V8
 * no longer shows it.
 */
const PGLITE_WORKER_ARGS = ['--no-wasm-code-gc'];

// One runner for every package; each package is a project named after its folder.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'process-model',
          root: 'packages/process-model',
          include: ['src/**/*.test.ts'],
          // A file's first test pays for compiling schemas and the spec validator,
          // which takes seconds on a loaded machine; no test here is about speed.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'api',
          root: 'packages/api',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'connect-client',
          root: 'packages/connect-client',
          include: ['src/**/*.test.ts'],
          // A file's first test pays for compiling schemas and the spec validator,
          // which takes seconds on a loaded machine; no test here is about speed.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'connect-sandbox',
          root: 'packages/connect-sandbox',
          include: ['src/**/*.test.ts'],
          // A file's first test pays for compiling schemas and the spec validator,
          // which takes seconds on a loaded machine; no test here is about speed.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'runtime',
          root: 'packages/runtime',
          include: ['src/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server',
          root: 'apps/server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          execArgv: PGLITE_WORKER_ARGS,
        },
      },
      {
        test: {
          name: 'cli',
          root: 'apps/cli',
          include: ['src/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'web',
          root: 'apps/web',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          environment: 'happy-dom',
        },
      },
    ],
  },
});
