import {
  type ConnectorConfig,
  defaultHttpListener,
  type Shape,
  shapeInfo,
  updateShape,
  type ValidationIssue,
  validateProcess,
} from '@junction/process-model';
import { useEditor, useEditorStoreApi } from '../store/editor-context.ts';
import { issueKey, uniqueIssues } from './field-issues.tsx';
import { type Choice, SelectField } from './forms/fields.tsx';
import { ShapeConfigForm } from './forms/shape-config-form.tsx';
import { JsonConfigEditor } from './json-config-editor.tsx';
import { ListenerOptions } from './listener-options.tsx';
import { OperationOptions } from './operation-options.tsx';
import { PathsEditor } from './paths-editor.tsx';

/** The Options panel: every configuration field of the selected shape. */
export function OptionsPanel({
  issues,
  readOnly,
}: {
  issues: readonly ValidationIssue[];
  readOnly: boolean;
}) {
  const store = useEditorStoreApi();
  const selected = useEditor((s) =>
    s.selectedShapes.length === 1 ? s.selectedShapes[0] : undefined,
  );
  const shape = useEditor((s) => (selected ? s.document.shapes[selected] : undefined));

  if (!selected || !shape) {
    return (
      <aside className="options" aria-label="Options">
        <h2>Options</h2>
        <p className="hint">Select a shape to configure it.</p>
      </aside>
    );
  }

  const shapeIssues = issues.filter((i) => i.shapeId === selected);
  // Typing edits live; one undo entry is written when the field loses focus.
  const change = (next: Shape, commit: boolean) => {
    const state = store.getState();
    if (commit) {
      // Typing not yet committed (no blur before a click) becomes its own undo entry.
      state.commitGesture();
      state.apply((doc) => updateShape(doc, selected, next));
    } else {
      state.applyLive((doc) => updateShape(doc, selected, next));
    }
  };
  const commit = () => store.getState().commitGesture();
  const setOperation = (op: ConnectorConfig, isCommit: boolean) => {
    if (shape.kind === 'connector') {
      change({ ...shape, config: op }, isCommit);
    } else if (shape.kind === 'start' && shape.config.mode === 'connector') {
      change({ ...shape, config: { ...shape.config, operation: op } }, isCommit);
    }
  };

  return (
    <aside className="options" aria-label="Options">
      <h2>{shapeInfo(shape.kind).label} options</h2>
      <fieldset disabled={readOnly}>
        <label>
          Label
          <input
            value={shape.label}
            placeholder={shapeInfo(shape.kind).label}
            onChange={(e) => change({ ...shape, label: e.target.value }, false)}
            onBlur={commit}
          />
        </label>
        {shape.kind === 'connector' && (
          <OperationOptions
            operation={shape.config}
            issues={shapeIssues}
            onChange={setOperation}
            onCommit={commit}
          />
        )}
        {shape.kind === 'start' && (
          <StartOptions
            shape={shape}
            issues={shapeIssues}
            change={change}
            setOperation={setOperation}
            commit={commit}
          />
        )}
        <ShapeConfigForm
          shapeId={selected}
          shape={shape}
          issues={shapeIssues}
          change={change}
          commit={commit}
        />
        <PathsEditor shapeId={selected} shape={shape} />
        <details className="advanced">
          <summary>Advanced (JSON)</summary>
          <JsonConfigEditor
            key={selected}
            shape={shape}
            onChange={(config) => change({ ...shape, config } as Shape, false)}
            onCommit={commit}
            check={(config) => {
              const doc = store.getState().document;
              const candidate = {
                ...doc,
                shapes: { ...doc.shapes, [selected]: { ...shape, config } },
              };
              return validateProcess(candidate).filter(
                (i) => i.shapeId === selected && i.code.startsWith('schema.'),
              );
            }}
          />
        </details>
      </fieldset>
      {shapeIssues.length > 0 && (
        <section aria-label="Problems">
          <h3>Problems</h3>
          <ul className="field-issues">
            {uniqueIssues(shapeIssues).map((i) => (
              <li key={issueKey(i)} className={`is-${i.severity}`}>
                {i.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}

type StartMode = Extract<Shape, { kind: 'start' }>['config']['mode'];
const START_TYPES: readonly Choice<StartMode>[] = [
  { value: 'no-data', label: 'No Data' },
  { value: 'connector', label: 'Connector (Get)' },
  { value: 'passthrough', label: 'Data Passthrough' },
  { value: 'listen', label: 'Listen (HTTP call)' },
];

function StartOptions({
  shape,
  issues,
  change,
  setOperation,
  commit,
}: {
  shape: Extract<Shape, { kind: 'start' }>;
  issues: readonly ValidationIssue[];
  change: (next: Shape, commit: boolean) => void;
  setOperation: (op: ConnectorConfig, commit: boolean) => void;
  commit: () => void;
}) {
  return (
    <>
      <SelectField
        label="Type"
        value={shape.config.mode}
        choices={START_TYPES}
        onChange={(mode) => {
          if (mode === 'connector') {
            change(
              {
                ...shape,
                config: {
                  mode,
                  operation: {
                    connector: 'cloudblue-connect',
                    connectionId: 'sandbox',
                    action: 'list',
                    object: '',
                    trackingDirection: 'output',
                    returnApplicationErrors: false,
                    parameters: [],
                  },
                },
              },
              true,
            );
          } else if (mode === 'no-data' || mode === 'passthrough') {
            change({ ...shape, config: { mode } }, true);
          } else if (mode === 'listen') {
            change({ ...shape, config: { mode, listener: defaultHttpListener() } }, true);
          }
        }}
      />
      {shape.config.mode === 'listen' && (
        <ListenerOptions
          shape={{ ...shape, config: shape.config }}
          issues={issues}
          change={change}
          commit={commit}
        />
      )}
      {shape.config.mode === 'connector' && (
        <OperationOptions
          operation={shape.config.operation}
          issues={issues}
          onChange={setOperation}
          onCommit={commit}
          inboundOnly
        />
      )}
    </>
  );
}
