import type { PauseState, WaitingDocument } from '@junction/api';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { describeApiError } from '../../lib/api-issues.ts';
import { answerPauseRequest } from './run-queries.ts';
import { readEdits } from './waiting-document-edits.ts';

interface Draft {
  data: string;
  properties: string;
}

const draftOf = (doc: WaitingDocument): Draft => ({
  data: doc.data,
  properties: JSON.stringify(doc.properties, null, 2),
});

/**
 * A test run paused at a breakpoint: where and why, the documents waiting there
 * (editable), and Continue, Step or Stop. Keyed by the pause, so each pause starts
 * from the documents as they arrived.
 */
export function PausePanel({
  runId,
  pause,
  shapeTitle,
}: {
  runId: string;
  pause: PauseState;
  shapeTitle: (id: string) => string;
}) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(pause.documents.map((doc) => [doc.id, draftOf(doc)])),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const answer = useMutation({
    mutationFn: (action: 'continue' | 'step' | 'stop') => {
      const edits = action === 'stop' ? { documents: [] } : readEdits(pause.documents, drafts);
      if ('problem' in edits) {
        throw new Error(edits.problem);
      }
      return answerPauseRequest(runId, {
        pause: pause.pause,
        action,
        ...(edits.documents.length > 0 ? { documents: edits.documents } : {}),
      });
    },
    onMutate: () => setProblem(null),
    onError: (error) => setProblem(describeApiError(error)),
  });
  const title = shapeTitle(pause.shapeId);
  const shown = pause.documents.length;
  const until = new Date(pause.expiresAt).toLocaleTimeString();
  return (
    <section className="pause-panel" aria-label="Paused test run">
      <div className="pause-panel__actions">
        <strong>
          Paused before {title} ({pause.reason === 'step' ? 'step' : 'breakpoint'})
        </strong>
        <span>
          {pause.documentCount === 1 ? '1 document' : `${pause.documentCount} documents`} waiting
          {pause.documentCount > shown ? `, the first ${shown} shown` : ''}
        </span>
        <button
          type="button"
          className="primary"
          disabled={answer.isPending}
          onClick={() => answer.mutate('continue')}
        >
          Continue
        </button>
        <button type="button" disabled={answer.isPending} onClick={() => answer.mutate('step')}>
          Step
        </button>
        <button type="button" disabled={answer.isPending} onClick={() => answer.mutate('stop')}>
          Stop
        </button>
        <span className="hint">Stops by itself at {until} if nobody answers.</span>
      </div>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
      <ul className="pause-panel__documents" aria-label="Waiting documents">
        {pause.documents.map((doc) => (
          <li key={doc.id}>
            <label>
              Data of document {doc.id}
              <textarea
                rows={3}
                value={drafts[doc.id]?.data ?? ''}
                onChange={(e) =>
                  setDrafts((all) => ({
                    ...all,
                    [doc.id]: { ...draftOf(doc), ...all[doc.id], data: e.target.value },
                  }))
                }
              />
            </label>
            <label>
              Properties of document {doc.id} (JSON)
              <textarea
                rows={1}
                value={drafts[doc.id]?.properties ?? ''}
                onChange={(e) =>
                  setDrafts((all) => ({
                    ...all,
                    [doc.id]: { ...draftOf(doc), ...all[doc.id], properties: e.target.value },
                  }))
                }
              />
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
