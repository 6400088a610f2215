import type { ExecutionPropertyName } from '@junction/process-model';
import type { RunContext } from './types.ts';

/**
 * Meta (base) document properties the runtime sets (process-semantics.md §4.2).
 * They live in `RunDocument.properties` beside dynamic document properties, under a
 * `meta.` prefix, and are read like any document property.
 */
export const META = {
  applicationStatusCode: 'meta.applicationStatusCode',
  applicationStatusMessage: 'meta.applicationStatusMessage',
  tryCatchMessage: 'meta.tryCatchMessage',
  businessRulesResult: 'meta.businessRulesResultMessage',
  cleanseResult: 'meta.cleanseResultMessage',
} as const;

/** The value of an execution property by Boomi's script name (process-semantics.md §4.2). */
export function executionProperty(name: ExecutionPropertyName, ctx: RunContext): string {
  switch (name) {
    case 'EXECUTION_ID':
      return ctx.execution.executionId;
    case 'PROCESS_ID':
      return ctx.execution.processId;
    case 'PROCESS_NAME':
      return ctx.execution.processName;
    case 'DOCUMENT_COUNT':
      return String(ctx.documentCount);
  }
}
