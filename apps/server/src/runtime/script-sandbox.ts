import { getQuickJS, shouldInterruptAfterDeadline } from 'quickjs-emscripten';
import type { ScriptLimits } from './types.ts';

export interface ScriptDocument {
  data: string;
  properties: Record<string, string>;
}

export interface ScriptInput {
  documents: ScriptDocument[];
  processProperties: Record<string, string>;
  executionProperties: Record<string, string>;
}

export interface ScriptOutput {
  /** Stored documents; `source` is the index of the input last read before storing. */
  documents: Array<ScriptDocument & { source: number }>;
  /** Dynamic process properties the script set, with their persist flags. */
  processProperties: Array<{ name: string; value: string; persist: boolean }>;
  logs: Array<{ level: 'info' | 'warning' | 'error'; message: string }>;
}

/**
 * Two ways to write a script. Boomi's contract: `dataContext` iterates the batch and
 * a document is kept only if the script stores it. Or plain JavaScript: `documents`
 * holds `{data, properties, index}` per input and a returned array (of such objects
 * or strings) is the output instead. Both: `ExecutionUtil` reads and writes
 * dynamic process properties and reads execution properties; `logger` writes to
 * the shape's log. Data goes in and out as JSON, so the sandbox needs no host
 * functions at all: no network, files, timers or process.
 */
const PRELUDE = `
const __in = JSON.parse(__INPUT__);
const __out = { documents: [], processProperties: [], logs: [] };
let __last = 0;
const dataContext = {
  getDataCount() { return __in.documents.length; },
  getStream(i) { __last = i; return __in.documents[i].data; },
  getProperties(i) { __last = i; return Object.assign({}, __in.documents[i].properties); },
  storeStream(data, properties) {
    const props = {};
    for (const [k, v] of Object.entries(properties || {})) props[k] = String(v);
    __out.documents.push({ data: String(data), properties: props, source: __last });
  },
};
const ExecutionUtil = {
  getDynamicProcessProperty(name) { return __in.processProperties[name] ?? ''; },
  setDynamicProcessProperty(name, value, persist) {
    __in.processProperties[name] = String(value);
    __out.processProperties.push({ name: String(name), value: String(value), persist: !!persist });
  },
  getRuntimeExecutionProperty(name) { return __in.executionProperties[name] ?? ''; },
};
const __log = (level) => (...parts) => { __out.logs.push({ level, message: parts.map(String).join(' ') }); };
const logger = { info: __log('info'), warning: __log('warning'), severe: __log('error') };
const documents = __in.documents.map((d, index) => ({ data: d.data, properties: Object.assign({}, d.properties), index }));
function __collect(result) {
  if (!Array.isArray(result)) return;
  __out.documents = result.map((d) => {
    if (typeof d === 'string') return { data: d, properties: {}, source: -1 };
    const props = {};
    for (const [k, v] of Object.entries((d && d.properties) || {})) props[k] = String(v);
    return { data: String((d && d.data) ?? ''), properties: props, source: typeof d.index === 'number' ? d.index : -1 };
  });
}
`;

let quickjs: ReturnType<typeof getQuickJS> | undefined;

/**
 * Runs a Custom Scripting step in QuickJS (never node:vm): its own runtime per run,
 * a memory limit, a stack limit, and an interrupt handler that stops it at the
 * deadline or when the run is cancelled. Throws with the script's error message.
 */
export async function runScript(
  source: string,
  input: ScriptInput,
  limits: ScriptLimits,
  signal: AbortSignal,
): Promise<ScriptOutput> {
  quickjs ??= getQuickJS();
  const runtime = (await quickjs).newRuntime();
  try {
    runtime.setMemoryLimit(limits.memoryBytes);
    runtime.setMaxStackSize(512 * 1024);
    const deadline = shouldInterruptAfterDeadline(Date.now() + limits.timeoutMs);
    runtime.setInterruptHandler((rt) => signal.aborted || deadline(rt));
    const vm = runtime.newContext();
    try {
      const code = `${PRELUDE.replace('__INPUT__', JSON.stringify(JSON.stringify(input)))}
__collect((function () {
${source}
})());
JSON.stringify(__out);`;
      const result = vm.evalCode(code, 'custom-script.js');
      if (result.error) {
        const error: unknown = vm.dump(result.error);
        result.error.dispose();
        throw new Error(scriptErrorMessage(error));
      }
      const text: unknown = vm.dump(result.value);
      result.value.dispose();
      return JSON.parse(String(text)) as ScriptOutput;
    } finally {
      vm.dispose();
    }
  } finally {
    runtime.dispose();
  }
}

function scriptErrorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const { name, message } = error as { name?: unknown; message: unknown };
    if (name === 'InternalError' && message === 'interrupted') {
      return 'The script ran too long and was stopped.';
    }
    return `${typeof name === 'string' ? `${name}: ` : ''}${String(message)}`;
  }
  return String(error);
}
