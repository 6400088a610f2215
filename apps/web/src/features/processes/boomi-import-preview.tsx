import type { BoomiImportPreview } from '@junction/api';
import { useMemo } from 'react';
import { DiffView } from '../compare/diff-view.tsx';
import { emptyProcessLike } from '../compare/empty-process.ts';

const KIND_NAMES: Readonly<Record<string, string>> = {
  start: 'Start',
  connector: 'Connector',
  map: 'Map',
  'set-properties': 'Set Properties',
  message: 'Message',
  notify: 'Notify',
  'program-command': 'Program Command',
  'process-call': 'Process Call',
  'data-process': 'Data Process',
  'find-changes': 'Find Changes',
  'add-to-cache': 'Add to Cache',
  'retrieve-from-cache': 'Retrieve From Cache',
  'remove-from-cache': 'Remove From Cache',
  branch: 'Branch',
  route: 'Route',
  cleanse: 'Cleanse',
  decision: 'Decision',
  exception: 'Exception',
  stop: 'Stop',
  'return-documents': 'Return Documents',
  'flow-control': 'Flow Control',
  'business-rules': 'Business Rules',
  'try-catch': 'Try/Catch',
};

/**
 * What a Boomi process import would create, drawn as the revision diff against an
 * empty process (every shape, connection and note added): the shapes mapped, what
 * was left out (each also a note on the canvas) and the validation issues.
 * Nothing is stored until Create process.
 */
export function BoomiImportPreviewPanel(props: {
  preview: BoomiImportPreview;
  creating: boolean;
  onCreate: () => void;
  onCancel: () => void;
}) {
  const { preview } = props;
  const empty = useMemo(() => emptyProcessLike(preview.document), [preview.document]);
  return (
    <section aria-labelledby="boomi-preview-title" className="panel boomi-preview">
      <h2 id="boomi-preview-title">Import “{preview.document.name}” from Boomi</h2>
      <DiffView before={empty} after={preview.document} label="Preview of the imported process" />
      <h3 id="boomi-mapped">Shapes mapped ({preview.mapped.length})</h3>
      <ul aria-labelledby="boomi-mapped">
        {preview.mapped.map((m) => (
          <li key={m.id}>
            {m.label || m.boomiName}: Boomi {m.boomiType} → {KIND_NAMES[m.kind] ?? m.kind}
          </li>
        ))}
      </ul>
      <h3 id="boomi-omitted">Left out ({preview.omitted.length})</h3>
      {preview.omitted.length === 0 ? (
        <p className="hint">Nothing was left out.</p>
      ) : (
        <ul aria-labelledby="boomi-omitted">
          {preview.omitted.map((o) => (
            <li key={o.noteId}>
              {o.shapeDropped ? 'Shape left out' : 'Settings left out'}: Boomi {o.boomiType} “
              {o.label || o.boomiName}”: {o.lost.join('; ')}
            </li>
          ))}
        </ul>
      )}
      <h3 id="boomi-issues">Issues to fix after import ({preview.issues.length})</h3>
      {preview.issues.length > 0 && (
        <ul aria-labelledby="boomi-issues">
          {preview.issues.map((issue) => (
            <li key={`${issue.pointer} ${issue.code}`}>
              {issue.message} <span className="hint">({issue.pointer})</span>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={props.creating}
          onClick={props.onCreate}
        >
          Create process
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
