import { RunHalt } from './halt.ts';
import type { RunDocument } from './types.ts';

/**
 * Breakpoints and stepping (Test mode). The engine asks its host what to do before a
 * shape with a breakpoint, and before the next shape after a Step; the host shows the
 * waiting documents and answers once someone chose. The engine itself keeps no clock
 * and no storage: how long a pause may last and where answers come from is the host's.
 */

export type PauseReason = 'breakpoint' | 'step';
export type PauseAction = 'continue' | 'step' | 'stop';

export interface PauseRequest {
  shapeId: string;
  reason: PauseReason;
  /** The batch waiting to enter the shape. */
  documents: RunDocument[];
}

export interface PauseAnswer {
  action: PauseAction;
  /** Replacements for waiting documents, matched by id; others go on unchanged. */
  documents?: Array<Pick<RunDocument, 'id' | 'data' | 'properties'>> | undefined;
  /** Why the run stops, for `stop` (a person, or the host's idle timeout). */
  message?: string | undefined;
}

/** The host's side of a pause; rejects (or answers `stop`) when the run may not go on. */
export type PauseHost = (request: PauseRequest, signal: AbortSignal) => Promise<PauseAnswer>;

/** One execution's breakpoints and whether a Step asked to pause at the next shape. */
export interface Debugging {
  breakpoints: ReadonlySet<string>;
  stepping: boolean;
  host: PauseHost;
}

/** A copy that crosses threads and storage: a JsonDocument's parsed value stays behind. */
function plain(doc: RunDocument): RunDocument {
  const copy: RunDocument = { id: doc.id, data: doc.data, properties: doc.properties };
  if (doc.parentId !== undefined) {
    copy.parentId = doc.parentId;
  }
  return copy;
}

/** The waiting batch with the answer's replacements in place; lineage is kept. */
export function applyEdits(inputs: readonly RunDocument[], answer: PauseAnswer): RunDocument[] {
  if (!answer.documents || answer.documents.length === 0) {
    return [...inputs];
  }
  const edits = new Map(answer.documents.map((doc) => [doc.id, doc]));
  return inputs.map((doc) => {
    const edit = edits.get(doc.id);
    if (!edit) {
      return doc;
    }
    const edited: RunDocument = { id: doc.id, data: edit.data, properties: { ...edit.properties } };
    if (doc.parentId !== undefined) {
      edited.parentId = doc.parentId;
    }
    return edited;
  });
}

/**
 * Pauses before `shapeId` when it has a breakpoint or a Step asked for it, and returns
 * the batch to run it with. Stop ends the run ABORTED with the answer's message.
 */
export async function pauseBefore(
  debugging: Debugging,
  shapeId: string,
  label: string,
  inputs: RunDocument[],
  signal: AbortSignal,
  note: (message: string) => void,
): Promise<RunDocument[]> {
  const reason: PauseReason | undefined = debugging.stepping
    ? 'step'
    : debugging.breakpoints.has(shapeId)
      ? 'breakpoint'
      : undefined;
  if (!reason) {
    return inputs;
  }
  debugging.stepping = false;
  const waiting = inputs.length === 1 ? '1 document waiting' : `${inputs.length} documents waiting`;
  note(`Paused before ${label} (${reason === 'step' ? 'step' : 'breakpoint'}), ${waiting}.`);
  const answer = await debugging.host({ shapeId, reason, documents: inputs.map(plain) }, signal);
  if (signal.aborted) {
    throw new RunHalt('cancel', 'The run was cancelled.');
  }
  if (answer.action === 'stop') {
    const message = answer.message ?? `Stopped while paused before ${label}.`;
    note(message);
    throw new RunHalt('cancel', message);
  }
  debugging.stepping = answer.action === 'step';
  const edited = answer.documents?.length ?? 0;
  note(
    `${answer.action === 'step' ? 'Stepped' : 'Continued'}${edited > 0 ? ` with ${edited} edited document${edited === 1 ? '' : 's'}` : ''}.`,
  );
  return applyEdits(inputs, answer);
}
