import type { ProcessDocument } from '@junction/process-model';
import { DEFAULT_SCRIPT_LIMITS, isDerivedFrom, MAX_CALL_DEPTH } from './execution.ts';
import { RunHalt } from './halt.ts';
import type { ProcessRunInput } from './process-run.ts';
import type { DocumentError, RunContext, RunDocument, SubprocessRun } from './types.ts';

/** The context every shape of one process run shares; the engine adds per-shape fields. */
export function createBaseContext(
  input: ProcessRunInput,
  returned: Map<string, RunDocument[]>,
  openErrors: Set<DocumentError>,
  runChild: (child: ProcessDocument, start: RunDocument[] | undefined) => Promise<SubprocessRun>,
): Omit<RunContext, 'shapeId' | 'documentCount' | 'log'> {
  const { process, execution } = input;
  return {
    process,
    connectors: execution.options.connectors,
    platform: execution.options.platform,
    signal: execution.signal,
    processProperties: execution.processProperties,
    newDocumentId: execution.newDocumentId,
    startDocuments: input.startDocuments,
    execution: {
      executionId: execution.executionId,
      processId: process.id,
      processName: process.name,
      testMode: execution.testMode,
      documentsPerInbound: execution.limits?.documentsPerInbound,
    },
    persistProcessProperty: async (name, value) => {
      await execution.options.persistedProperties?.save(process.id, name, value);
    },
    caches: execution.caches,
    snapshots: execution.snapshots,
    onSuccess: (action) => execution.successActions.push(action),
    returned,
    loadProcess: (processId) => loadChild(input, processId),
    runSubprocess: runChild,
    // Settled into a value at once so a failure is never an unhandled rejection.
    background: (task) => {
      execution.background.push(
        task.then(
          () => undefined,
          (error: unknown) => error as Error,
        ),
      );
    },
    programCommands: execution.options.programCommands,
    scriptLimits: { ...DEFAULT_SCRIPT_LIMITS, ...execution.options.scriptLimits },
    retryPolicy: execution.options.retryPolicy ?? (execution.testMode ? 'immediate' : 'backoff'),
    sleep: execution.sleep,
    notifications: execution.notifications,
    isDerivedFrom: (id, ancestorId) => isDerivedFrom(execution.parents, id, ancestorId),
    markCaught: (errors) => {
      for (const error of errors) {
        openErrors.delete(error);
      }
    },
  };
}

async function loadChild(parent: ProcessRunInput, processId: string): Promise<ProcessDocument> {
  const load = parent.execution.options.loadProcess;
  if (parent.depth + 1 > MAX_CALL_DEPTH) {
    throw new RunHalt('error', `Process calls are nested more than ${MAX_CALL_DEPTH} deep.`);
  }
  const child = load ? await load(processId) : undefined;
  if (!child) {
    throw new RunHalt(
      'error',
      load ? `Process "${processId}" does not exist.` : 'This runtime cannot call other processes.',
    );
  }
  return child;
}
