/** A document the script produced, ready to become a run document. */
export interface ScriptDocument {
  data: string;
  properties: Record<string, string>;
  /** Index of the input it was made from; -1 when it names none. */
  source: number;
}

/** An output entry that is not a document: it fails the input it names (or the first). */
export interface RejectedEntry {
  problem: string;
  source: number;
}

export interface ScriptLogLine {
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface ScriptProcessProperty {
  name: string;
  value: string;
  persist: boolean;
}

/** What the host accepts from a script run, every entry checked. */
export interface ScriptOutput {
  documents: Array<ScriptDocument | RejectedEntry>;
  processProperties: ScriptProcessProperty[];
  /** The script's log lines, plus one error line per malformed log or property entry. */
  logs: ScriptLogLine[];
}

const LEVELS = new Set(['info', 'warning', 'error']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  return value === undefined
    ? 'missing'
    : `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}

/** An index into the batch of `count` inputs, or undefined when `value` is none. */
function inputIndex(value: unknown, count: number): number | undefined {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < count
    ? (value as number)
    : undefined;
}

/**
 * Property values are strings; numbers and booleans are written as text, as the
 * script API always has. Anything else (objects, null) is an error, never "[object Object]".
 */
function readProperties(value: unknown): Record<string, string> | string {
  if (value === undefined || value === null) {
    return {};
  }
  if (!isRecord(value)) {
    return `its properties are ${kind(value)}, not an object`;
  }
  const properties: Record<string, string> = {};
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      return `property "${name}" is ${kind(v)}, not text`;
    }
    properties[name] = String(v);
  }
  return properties;
}

/**
 * A document entry: `{data, properties, source}` from storeStream, `{data,
 * properties, index}` or a string when returned.
 */
function readDocument(
  entry: unknown,
  where: string,
  sourceKey: 'source' | 'index',
  count: number,
): ScriptDocument | RejectedEntry {
  if (typeof entry === 'string' && sourceKey === 'index') {
    return { data: entry, properties: {}, source: -1 };
  }
  if (!isRecord(entry)) {
    return { problem: `${where} is ${kind(entry)}, not a document`, source: -1 };
  }
  const named = entry[sourceKey];
  const source = inputIndex(named, count) ?? -1;
  if (named !== undefined && source === -1) {
    return { problem: `${where}: "${sourceKey}" is not the index of an input document`, source };
  }
  if (typeof entry['data'] !== 'string') {
    return { problem: `${where}: "data" is ${kind(entry['data'])}, not text`, source };
  }
  const properties = readProperties(entry['properties']);
  if (typeof properties === 'string') {
    return { problem: `${where}: ${properties}`, source };
  }
  return { data: entry['data'], properties, source };
}

function readLog(entry: unknown, where: string): ScriptLogLine {
  if (
    isRecord(entry) &&
    LEVELS.has(entry['level'] as string) &&
    typeof entry['message'] === 'string'
  ) {
    return { level: entry['level'] as ScriptLogLine['level'], message: entry['message'] };
  }
  return { level: 'error', message: `Custom script: ${where} is not a log line; it was dropped.` };
}

function readProperty(entry: unknown): ScriptProcessProperty | undefined {
  if (
    isRecord(entry) &&
    typeof entry['name'] === 'string' &&
    typeof entry['value'] === 'string' &&
    typeof entry['persist'] === 'boolean'
  ) {
    return { name: entry['name'], value: entry['value'], persist: entry['persist'] };
  }
  return undefined;
}

function list(value: unknown, name: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new Error(`The script's output could not be read: "${name}" is ${kind(value)}.`);
  }
  return value;
}

class UnreadableEntry {
  readonly problem: string;
  constructor(problem: string) {
    this.problem = problem;
  }
}

/** An entry's JSON text, or `{unreadable}` when it had none. */
function parseEntry(entry: unknown, where: string): unknown {
  if (isRecord(entry) && typeof entry['json'] === 'string') {
    try {
      return JSON.parse(entry['json']);
    } catch {
      return new UnreadableEntry(`${where} cannot be read`);
    }
  }
  const reason =
    isRecord(entry) && typeof entry['unreadable'] === 'string' ? entry['unreadable'] : '';
  return new UnreadableEntry(`${where} cannot be read${reason ? ` (${reason})` : ''}`);
}

/** Document entries arrive each as its own JSON text (see the sandbox's prelude). */
function readEntries(
  entries: unknown[],
  name: string,
  sourceKey: 'source' | 'index',
  count: number,
): ScriptOutput['documents'] {
  return entries.map((raw, i) => {
    const where = `${name} [${i}]`;
    const entry = parseEntry(raw, where);
    return entry instanceof UnreadableEntry
      ? { problem: entry.problem, source: -1 }
      : readDocument(entry, where, sourceKey, count);
  });
}

function readDocuments(output: Record<string, unknown>, count: number): ScriptOutput['documents'] {
  // A returned array replaces what was stored (the plain JavaScript form).
  return output['returned'] === null || output['returned'] === undefined
    ? readEntries(list(output['stored'], 'stored'), 'stored document', 'source', count)
    : readEntries(list(output['returned'], 'returned'), 'returned entry', 'index', count);
}

/**
 * Reads the sandbox's output text. The script can reach and change anything in its
 * own VM (globals, prototypes, the prelude's objects), so nothing in the text is
 * trusted: every entry is checked here, and a malformed one becomes a located
 * problem for its own document or an error log line, never a throw that would take
 * the other documents or the run's log with it. Only text that is not an output at
 * all throws (the script's own batch then fails).
 */
export function readScriptOutput(text: unknown, inputCount: number): ScriptOutput {
  let output: unknown;
  try {
    output = typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    output = undefined;
  }
  if (!isRecord(output)) {
    throw new Error("The script's output could not be read.");
  }
  const logs = list(output['logs'], 'logs').map((entry, i) => readLog(entry, `log entry [${i}]`));
  const processProperties: ScriptProcessProperty[] = [];
  list(output['processProperties'], 'processProperties').forEach((entry, i) => {
    const property = readProperty(entry);
    if (property) {
      processProperties.push(property);
    } else {
      logs.push({
        level: 'error',
        message: `Custom script: process property entry [${i}] is malformed; it was not set.`,
      });
    }
  });
  return { documents: readDocuments(output, inputCount), processProperties, logs };
}

export function isRejected(entry: ScriptDocument | RejectedEntry): entry is RejectedEntry {
  return 'problem' in entry;
}
