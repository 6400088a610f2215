import type { PinnedDocument } from '@junction/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useState } from 'react';
import { Dialog } from '../../ui/dialog.tsx';
import { saveTestInputRequest, testInputQuery } from './run-queries.ts';

/**
 * Reads test input as people have it: a JSON array of documents, one JSON
 * document, or JSON Lines. Each becomes one document; objects are kept as JSON.
 */
export function parseTestInput(text: string): PinnedDocument[] {
  const trimmed = text.trim();
  if (trimmed === '') {
    return [];
  }
  const asDocument = (value: unknown): PinnedDocument => ({
    data: typeof value === 'string' ? value : JSON.stringify(value),
  });
  try {
    const value: unknown = JSON.parse(trimmed);
    return Array.isArray(value) ? value.map(asDocument) : [asDocument(value)];
  } catch {
    return trimmed
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line, i) => {
        try {
          return asDocument(JSON.parse(line));
        } catch {
          throw new Error(
            `Line ${i + 1} is not JSON. Paste a JSON array, one JSON document, or JSON Lines.`,
          );
        }
      });
  }
}

/** Pinned test input: documents kept with the process and fed to Start on a test run. */
export function TestInputDialog({
  processId,
  onClose,
}: {
  processId: string;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const pinned = useQuery(testInputQuery(processId));
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = text ?? (pinned.data ?? []).map((d) => d.data).join('\n');
  const save = useMutation({
    mutationFn: (documents: PinnedDocument[]) => saveTestInputRequest(processId, documents),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: testInputQuery(processId).queryKey });
      onClose();
    },
    onError: (error) => setProblem(error.message),
  });
  const submit = () => {
    try {
      save.mutate(parseTestInput(shown));
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) {
      setText(await file.text());
    }
  };
  return (
    <Dialog
      title="Test input"
      description="Documents given to Start on a test run: a JSON array, one JSON document, or JSON Lines."
      onClose={onClose}
    >
      <textarea
        aria-label="Test documents"
        rows={10}
        value={shown}
        onChange={(e) => setText(e.target.value)}
      />
      <label>
        Or load a file
        <input
          type="file"
          accept=".json,.jsonl,.txt,application/json"
          onChange={(e) => void onFile(e)}
        />
      </label>
      {problem && (
        <p role="alert" className="is-error">
          {problem}
        </p>
      )}
      <div className="ui-dialog__actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={submit} disabled={save.isPending}>
          Pin test input
        </button>
      </div>
    </Dialog>
  );
}
