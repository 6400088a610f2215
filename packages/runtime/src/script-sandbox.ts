import {
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  shouldInterruptAfterDeadline,
} from 'quickjs-emscripten';
import { memoryExhausted, newQuickJSInstance, type QuickJSInstance } from './quickjs-instance.ts';
import { readScriptOutput, type ScriptOutput } from './script-output.ts';
import type { ScriptLimits } from './types.ts';

export interface ScriptInput {
  documents: Array<{ data: string; properties: Record<string, string> }>;
  processProperties: Record<string, string>;
  executionProperties: Record<string, string>;
}

/**
 * QuickJS's own stack limit. QuickJS measures the WebAssembly shadow stack, while
 * its frames also use the host's native stack; at 512 KB the host's stack ran out
 * first (a RangeError that aborts QuickJS), at 256 KB QuickJS throws its own
 * catchable "stack overflow". The host RangeError is still handled (see `hostFailure`).
 */
const MAX_STACK_BYTES = 256 * 1024;

/**
 * Two ways to write a script. Boomi's contract: `dataContext` iterates the batch and
 * a document is kept only if the script stores it. Or plain JavaScript: `documents`
 * holds `{data, properties, index}` per input and a returned array (of such objects
 * or strings) is the output instead. Both: `ExecutionUtil` reads and writes
 * dynamic process properties and reads execution properties; `logger` writes to
 * the shape's log. Data goes in and out as JSON, so the sandbox needs no host
 * functions at all: no network, files, timers or process.
 *
 * The output lives in this function's closure and the script is compiled with
 * `Function`, so it can neither name the output nor break out of its function
 * body. The built-ins the prelude needs are taken before the script runs, and the
 * output's objects and arrays have no prototype, so a script that changes globals
 * or prototypes (JSON, push, toJSON, setters) cannot change them either. Each
 * document entry is written as its own JSON text when it is made: one that has
 * none (a BigInt, a cycle, a throwing toJSON) spoils only itself. The host still
 * trusts nothing and checks every entry (`script-output.ts`).
 */
const PROGRAM = `(function (input, source) {
  const stringify = JSON.stringify;
  const toText = String;
  const isArray = Array.isArray;
  const assign = Object.assign;
  const create = Object.create;
  const setPrototypeOf = Object.setPrototypeOf;
  const copy = (o) => assign({}, o);
  const bare = (o) => assign(create(null), o);
  const list = () => setPrototypeOf([], null);
  const append = (items, item) => { items[items.length] = item; };
  const entry = (value) => {
    try {
      const json = stringify(value);
      return bare(typeof json === 'string' ? { json } : { unreadable: 'it has no JSON form' });
    } catch {
      return bare({ unreadable: 'it has no JSON form' });
    }
  };
  const out = bare({ stored: list(), returned: null, processProperties: list(), logs: list() });
  let last = 0;
  const dataContext = {
    getDataCount() { return input.documents.length; },
    getStream(i) { last = i; return input.documents[i].data; },
    getProperties(i) { last = i; return copy(input.documents[i].properties); },
    storeStream(data, properties) {
      append(out.stored, entry(bare({ data: toText(data), properties: bare(properties), source: last })));
    },
  };
  const ExecutionUtil = {
    getDynamicProcessProperty(name) { return input.processProperties[name] ?? ''; },
    setDynamicProcessProperty(name, value, persist) {
      input.processProperties[name] = toText(value);
      append(out.processProperties, bare({ name: toText(name), value: toText(value), persist: !!persist }));
    },
    getRuntimeExecutionProperty(name) { return input.executionProperties[name] ?? ''; },
  };
  const log = (level) => (...parts) => {
    let message = '';
    for (let i = 0; i < parts.length; i++) message += (i ? ' ' : '') + toText(parts[i]);
    append(out.logs, bare({ level, message }));
  };
  const logger = { info: log('info'), warning: log('warning'), severe: log('error') };
  const documents = input.documents.map((d, index) => ({ data: d.data, properties: copy(d.properties), index }));
  const script = Function('dataContext', 'ExecutionUtil', 'logger', 'documents', source);
  const result = script(dataContext, ExecutionUtil, logger, documents);
  if (isArray(result)) {
    out.returned = list();
    for (let i = 0; i < result.length; i++) append(out.returned, entry(result[i]));
  }
  return stringify(out);
})`;

/** Why a script stopped, in words for the run's error. */
const failures = {
  memory: (limits: ScriptLimits) =>
    `The script exceeded its memory limit of ${Number((limits.memoryBytes / 1048576).toFixed(1))} MB and was stopped.`,
  time: (limits: ScriptLimits) =>
    `The script exceeded its time limit of ${limits.timeoutMs} ms and was stopped.`,
  stack: () =>
    'The script overflowed its stack (stack overflow): its recursion or nesting is too deep.',
};

/**
 * Runs a Custom Scripting step in QuickJS (never node:vm). Every run gets a new
 * WebAssembly instance (`quickjs-instance.ts`) with one runtime and context, a
 * memory limit (QuickJS's, and the instance's memory cap underneath), a stack
 * limit, and an interrupt handler that stops it at the deadline or when the run
 * is cancelled; nothing of one run survives into the next. Throws with a clear
 * message when the script fails; a malformed output entry is not a failure but a
 * problem on its own document (`readScriptOutput`).
 */
export async function runScript(
  source: string,
  input: ScriptInput,
  limits: ScriptLimits,
  signal: AbortSignal,
): Promise<ScriptOutput> {
  const instance = await newQuickJSInstance(limits.memoryBytes);
  const runtime = instance.quickjs.newRuntime();
  let vm: QuickJSContext | undefined;
  try {
    limitRuntime(runtime, limits, signal);
    vm = runtime.newContext();
    const text = evaluate(vm, source, input, instance, limits);
    return readScriptOutput(text, input.documents.length);
  } finally {
    release(() => vm?.dispose());
    release(() => runtime.dispose());
  }
}

function limitRuntime(runtime: QuickJSRuntime, limits: ScriptLimits, signal: AbortSignal): void {
  runtime.setMemoryLimit(limits.memoryBytes);
  runtime.setMaxStackSize(MAX_STACK_BYTES);
  const deadline = shouldInterruptAfterDeadline(Date.now() + limits.timeoutMs);
  runtime.setInterruptHandler((rt) => signal.aborted || deadline(rt));
}

/**
 * Freeing can itself abort after a failed run (QuickJS asserts that no object is
 * left, which a stack overflow can break); the instance is dropped either way and
 * its memory with it, so that abort is not the script's error.
 */
function release(dispose: () => void): void {
  try {
    dispose();
  } catch {
    // The instance is discarded; see above.
  }
}

/** Runs the program; its JSON output text, or throws why the script failed. */
function evaluate(
  vm: QuickJSContext,
  source: string,
  input: ScriptInput,
  instance: QuickJSInstance,
  limits: ScriptLimits,
): string | undefined {
  const code = `${PROGRAM}(JSON.parse(${JSON.stringify(JSON.stringify(input))}), ${JSON.stringify(source)})`;
  let result: ReturnType<QuickJSContext['evalCode']>;
  try {
    result = vm.evalCode(code, 'custom-script.js');
  } catch (error) {
    throw new Error(hostFailure(error, instance, limits));
  }
  if (result.error) {
    // The script is over; lifting QuickJS's limit lets its error be read when that
    // limit is what stopped it (the instance's memory cap still holds).
    vm.runtime.setMemoryLimit(-1);
    const message = scriptFailure(readError(vm, result.error), instance, limits);
    result.error.dispose();
    throw new Error(message);
  }
  const value = result.value;
  try {
    return vm.typeof(value) === 'string' ? vm.getString(value) : undefined;
  } finally {
    value.dispose();
  }
}

/** The host's own exception out of QuickJS: the instance aborted mid-run. */
function hostFailure(error: unknown, instance: QuickJSInstance, limits: ScriptLimits): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return failures.stack();
  }
  if (memoryExhausted(instance)) {
    return failures.memory(limits);
  }
  return `The script stopped the script engine (${(error as Error).message}).`;
}

interface ThrownValue {
  name: string | undefined;
  message: string;
  /** Not an object: QuickJS throws null when it cannot even allocate its error. */
  primitive: boolean;
}

/**
 * Reads what the script threw through handles, not `dump` (which runs
 * JSON.stringify inside a VM that may have no memory left). Undefined when it
 * cannot be read at all.
 */
function readError(vm: QuickJSContext, error: QuickJSHandle): ThrownValue | undefined {
  try {
    if (vm.typeof(error) !== 'object' || vm.eq(error, vm.null)) {
      const message = `The script threw ${String(vm.dump(error))}.`;
      return { name: undefined, message, primitive: true };
    }
    const text = (key: string) =>
      vm
        .getProp(error, key)
        .consume((h) => (vm.typeof(h) === 'string' ? vm.getString(h) : undefined));
    return { name: text('name'), message: text('message') ?? '', primitive: false };
  } catch {
    return undefined;
  }
}

function scriptFailure(
  thrown: ThrownValue | undefined,
  instance: QuickJSInstance,
  limits: ScriptLimits,
): string {
  if (!thrown || thrown.primitive || (thrown.name === undefined && thrown.message === '')) {
    if (memoryExhausted(instance)) {
      return failures.memory(limits);
    }
    return thrown?.message || 'The script failed with an error that could not be read.';
  }
  if (thrown.name === 'InternalError' && thrown.message === 'interrupted') {
    return failures.time(limits);
  }
  if (thrown.message === 'out of memory') {
    return failures.memory(limits);
  }
  if (thrown.message === 'stack overflow') {
    return failures.stack();
  }
  return `${thrown.name ? `${thrown.name}: ` : ''}${thrown.message}`;
}
