import type { DocumentDirection, RunRecord } from '@junction/api';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Tabs } from '../../ui/tabs.tsx';
import { DocumentDetail } from './document-detail.tsx';
import { DocumentList } from './document-list.tsx';
import { documentSideLabel } from './document-side-label.ts';
import { RunErrors } from './run-errors.tsx';
import { RunHistory } from './run-history.tsx';
import { runLogsQuery } from './run-queries.ts';

type Tab = 'documents' | 'errors' | 'logs' | 'history';

export interface RunPanelProps {
  processId: string;
  /** The run on show; its record may still be loading. */
  runId: string | null;
  run: RunRecord | undefined;
  selectedShape: string | null;
  inspectedDocument: string | null;
  shapeTitle: (id: string) => string;
  /** The side Process Reporting keeps for a shape (its Tracking Direction), if any. */
  trackedSide: (id: string) => 'in' | 'out' | undefined;
  selectShape: (id: string) => void;
  inspectDocument: (id: string | null) => void;
  openRun: (id: string) => void;
  onRetry: () => void;
  onRerunFromShape: (shapeId: string) => void;
  onClose: () => void;
}

function Logs({ runId, shapeTitle }: { runId: string; shapeTitle: (id: string) => string }) {
  const logs = useQuery(runLogsQuery(runId));
  if ((logs.data ?? []).length === 0) {
    return <p className="hint">No log lines.</p>;
  }
  return (
    <ul className="log-list" aria-label="Run log">
      {(logs.data ?? []).map((l) => (
        <li key={l.seq} className={`log-${l.level}`}>
          <strong>{shapeTitle(l.shapeId)}</strong> {l.level}: {l.message}
        </li>
      ))}
    </ul>
  );
}

function formatElapsed(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/**
 * Test mode's side panel: a shape's documents (in, out, in error) with the
 * document inspector, every error of the run, the log, and the run history.
 */
export function RunPanel(props: RunPanelProps) {
  const { run, selectedShape } = props;
  const [tab, setTab] = useState<Tab>(props.runId ? 'documents' : 'history');
  const [direction, setDirection] = useState<DocumentDirection>('out');
  const stats = run && selectedShape ? run.shapes[selectedShape] : undefined;
  const tabs: [Tab, string][] = props.runId
    ? [
        ['documents', 'Documents'],
        ['errors', 'Errors'],
        ['logs', 'Logs'],
        ['history', 'History'],
      ]
    : [['history', 'History']];
  return (
    <aside className="options run-panel" aria-label="Test results">
      <Tabs
        label="Test results"
        value={tab}
        onChange={setTab}
        tabs={tabs.map(([value, label]) => ({ value, label }))}
        actions={
          !props.runId && (
            <button type="button" onClick={props.onClose}>
              Close
            </button>
          )
        }
      >
        {run && tab === 'documents' && !selectedShape && (
          <p className="hint">Click a shape to see its documents.</p>
        )}
        {run && tab === 'documents' && selectedShape && (
          <>
            <h2>{props.shapeTitle(selectedShape)}</h2>
            {stats?.elapsedMs !== undefined && (
              <p className="hint">Time in this shape: {formatElapsed(stats.elapsedMs)}</p>
            )}
            <fieldset className="row" aria-label="Documents">
              {(
                [
                  ['in', 'In', stats?.documentsIn],
                  ['out', 'Out', stats?.documentsOut],
                  ['error', 'In error', stats?.documentsInError],
                ] as const
              ).map(([id, side, count]) => (
                <button
                  key={id}
                  type="button"
                  aria-pressed={direction === id}
                  onClick={() => setDirection(id)}
                >
                  {documentSideLabel(side, count, run.status, stats?.status)}
                  {props.trackedSide(selectedShape) === id && ' · tracked'}
                </button>
              ))}
            </fieldset>
            {run.executionType !== 'test_manual' && (
              <p className="hint">
                An execution keeps only tracked documents (Start's and each connector's Tracking
                Direction side) and documents in error.
              </p>
            )}
            <DocumentList
              key={`${selectedShape}:${direction}`}
              runId={run.id}
              shapeId={selectedShape}
              direction={direction}
              live={run.status === 'running'}
              selected={props.inspectedDocument}
              onSelect={props.inspectDocument}
            />
            {run.status !== 'running' && (
              <button type="button" onClick={() => props.onRerunFromShape(selectedShape)}>
                Re-run from {props.shapeTitle(selectedShape)}
              </button>
            )}
            {props.inspectedDocument && (
              <DocumentDetail
                runId={run.id}
                documentId={props.inspectedDocument}
                shapeId={selectedShape}
                direction={direction}
                shapeTitle={props.shapeTitle}
                onGoToShape={props.selectShape}
                onOpenDocument={props.inspectDocument}
              />
            )}
          </>
        )}
        {run && tab === 'errors' && (
          <RunErrors
            run={run}
            shapeTitle={props.shapeTitle}
            onOpen={(shapeId, documentId) => {
              props.selectShape(shapeId);
              setDirection('error');
              props.inspectDocument(documentId);
              setTab('documents');
            }}
          />
        )}
        {run && tab === 'logs' && <Logs runId={run.id} shapeTitle={props.shapeTitle} />}
        {tab === 'history' && (
          <>
            {run && run.status !== 'running' && (
              <button type="button" onClick={props.onRetry}>
                Retry this run
              </button>
            )}
            <RunHistory
              processId={props.processId}
              currentRunId={run?.id ?? null}
              onOpen={props.openRun}
            />
          </>
        )}
      </Tabs>
    </aside>
  );
}
