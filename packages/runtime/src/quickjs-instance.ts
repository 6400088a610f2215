/// <reference path="./webassembly.d.ts" />
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  type EmscriptenModuleLoaderOptions,
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSWASMModule,
  RELEASE_SYNC,
} from 'quickjs-emscripten';

const PAGE_BYTES = 64 * 1024;
/** The build's INITIAL_MEMORY (static data, C stack, first heap arena): a module needs this much. */
const BASE_BYTES = 16 * 1024 * 1024;
/** wasm32 and this build's own cap (32768 pages). */
const MAX_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * Emscripten prints an abort to stderr before throwing it; the throw already
 * becomes the script's error, and an abort while freeing a discarded instance is
 * expected (see `runScript`), so the print is only noise in the server's log.
 */
const QUIET = { printErr: () => {} } as unknown as EmscriptenModuleLoaderOptions;

let compiled: Promise<WebAssembly.Module> | undefined;

/** Compiling is the slow part (tens of ms); a compiled module holds no state, so it is shared. */
function compiledQuickJS(): Promise<WebAssembly.Module> {
  compiled ??= readFile(
    createRequire(import.meta.url).resolve('@jitl/quickjs-wasmfile-release-sync/wasm'),
  )
    .then((bytes) => WebAssembly.compile(bytes))
    .catch((error: unknown) => {
      compiled = undefined;
      throw error;
    });
  return compiled;
}

/** One WebAssembly instance of QuickJS with its own linear memory. */
export interface QuickJSInstance {
  quickjs: QuickJSWASMModule;
  memory: WebAssembly.Memory;
  /** The most the memory may grow to. */
  maxBytes: number;
}

/**
 * A new, isolated QuickJS instance for one script run. An instance is never
 * reused: a QuickJS abort (stack overflow past the guard, a failed assertion,
 * out-of-bounds access) leaves the instance's C heap corrupt, and WebAssembly
 * memory never shrinks, so a shared instance would carry one run's damage and
 * peak memory into every later run. Its memory is capped at `BASE_BYTES +
 * heapBytes` by the WebAssembly engine itself, because QuickJS's own memory
 * limit does not count every allocation (typed array storage, allocator
 * overhead); once the instance is unreachable, all of its memory is freed.
 */
export async function newQuickJSInstance(heapBytes: number): Promise<QuickJSInstance> {
  const maxBytes = Math.min(MAX_BYTES, BASE_BYTES + Math.ceil(heapBytes / PAGE_BYTES) * PAGE_BYTES);
  const memory = new WebAssembly.Memory({
    initial: BASE_BYTES / PAGE_BYTES,
    maximum: maxBytes / PAGE_BYTES,
  });
  const variant = newVariant(RELEASE_SYNC, {
    wasmModule: await compiledQuickJS(),
    wasmMemory: memory,
    emscriptenModule: QUIET,
  });
  return { quickjs: await newQuickJSWASMModuleFromVariant(variant), memory, maxBytes };
}

/**
 * Whether the instance's memory has (about) reached its cap. Emscripten grows the
 * memory by at least a fifth at a time, clamped to the cap, so a failed allocation
 * leaves it within that step of the cap.
 */
export function memoryExhausted(instance: QuickJSInstance): boolean {
  return instance.memory.buffer.byteLength >= instance.maxBytes * 0.8;
}
