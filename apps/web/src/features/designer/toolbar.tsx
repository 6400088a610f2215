import { renameProcess } from '@junction/process-model';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { navigate } from '../../app/router.ts';
import { connectionsQuery } from '../connections/connection-queries.ts';
import { type CommandContext, commandById } from './commands/designer-commands.ts';
import { useEditor, useEditorStoreApi } from './store/editor-context.ts';
import { isDirty } from './store/editor-store.ts';

/** Name, save state, undo/redo, export and the Test controls. */
export function Toolbar({
  saving,
  onSave,
  onTest,
  testing,
  commands,
  onExportImage,
}: {
  saving: boolean;
  onSave: () => void;
  onTest: (connectionId: string) => void;
  testing: boolean;
  commands: CommandContext;
  onExportImage: (format: 'png' | 'svg') => void;
}) {
  const store = useEditorStoreApi();
  const name = useEditor((s) => s.document.name);
  const processId = useEditor((s) => s.document.id);
  const dirty = useEditor(isDirty);
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const connections = useQuery(connectionsQuery);
  const [connectionId, setConnectionId] = useState('sandbox');
  const chosen = connections.data?.find((c) => c.id === connectionId);

  return (
    <header className="toolbar">
      <button type="button" className="link" onClick={() => navigate({ page: 'processes' })}>
        ← Processes
      </button>
      <input
        className="toolbar__name"
        aria-label="Process name"
        value={name}
        onChange={(e) =>
          store.getState().applyLive((doc) => renameProcess(doc, e.target.value || doc.name))
        }
        onBlur={() => store.getState().commitGesture()}
      />
      <span className="toolbar__state" role="status">
        {saving ? 'Saving…' : dirty ? 'Unsaved changes' : 'Saved'}
      </span>
      <button type="button" onClick={() => store.getState().undo()} disabled={!canUndo}>
        Undo
      </button>
      <button type="button" onClick={() => store.getState().redo()} disabled={!canRedo}>
        Redo
      </button>
      <button type="button" className="primary" onClick={onSave} disabled={saving || !dirty}>
        Save
      </button>
      {(['auto-layout', 'add-note', 'find'] as const).map((id) => (
        <button
          key={id}
          type="button"
          onClick={() => void commandById(id).run(commands)}
          disabled={testing}
        >
          {commandById(id).label}
        </button>
      ))}
      <details className="menu">
        <summary>Export</summary>
        <div className="menu__items">
          <a
            className="button"
            href={`/api/processes/${encodeURIComponent(processId)}/export`}
            download
          >
            Process file (JSON, last saved)
          </a>
          <button type="button" onClick={() => onExportImage('png')}>
            Image (PNG)
          </button>
          <button type="button" onClick={() => onExportImage('svg')}>
            Image (SVG)
          </button>
        </div>
      </details>
      <span className="toolbar__spacer" />
      <label className="toolbar__connection">
        Test against
        <select value={connectionId} onChange={(e) => setConnectionId(e.target.value)}>
          {(connections.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.kind === 'sandbox' ? `${c.name} (sandbox)` : `${c.name} (LIVE)`}
            </option>
          ))}
        </select>
      </label>
      {chosen && chosen.kind !== 'sandbox' && (
        <span className="live-warning">Live Connect: real data will change</span>
      )}
      {dirty && <span className="hint">Runs the unsaved version</span>}
      <button
        type="button"
        className="primary"
        onClick={() => onTest(connectionId)}
        disabled={testing}
      >
        Test
      </button>
    </header>
  );
}
