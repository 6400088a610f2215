import {
  type ConnectAction,
  isInboundConnectAction,
  isInboundPlatformAction,
  own,
  type ProcessDocument,
} from '@junction/process-model';
import type { RunOutcome } from '../runtime/types.ts';

/**
 * Process Reporting's document counts (process-semantics.md §10): In is what the
 * Start shape brought in (a connector Get, or documents handed to it); Out is what
 * outbound (send) connector shapes received; errors are documents that failed
 * and no Try/Catch handled.
 */
export function reportingCounts(
  process: ProcessDocument,
  outcome: RunOutcome,
  handedStartDocuments: boolean,
): { documentsIn: number; documentsOut: number; documentsInError: number } {
  let documentsIn = 0;
  let documentsOut = 0;
  for (const [id, shape] of Object.entries(process.shapes)) {
    const stats = own(outcome.shapes, id);
    if (!stats) {
      continue;
    }
    if (shape.kind === 'start' && (handedStartDocuments || shape.config.mode === 'connector')) {
      documentsIn += stats.documentsOut;
    }
    if (
      shape.kind === 'connector' &&
      !(shape.config.connector === 'junction-platform'
        ? isInboundPlatformAction(shape.config.action)
        : isInboundConnectAction(shape.config.action as ConnectAction))
    ) {
      documentsOut += stats.documentsIn;
    }
  }
  const documentsInError =
    outcome.failedDocuments?.length ??
    Object.values(outcome.shapes).reduce((sum, s) => sum + s.documentsInError, 0);
  return { documentsIn, documentsOut, documentsInError };
}
