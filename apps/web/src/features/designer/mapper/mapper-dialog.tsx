import type { ShapeConfig, ValidationIssue } from '@junction/process-model';
import { type DragEvent, useId, useMemo, useState } from 'react';
import { Dialog } from '../../../ui/dialog.tsx';
import { Select } from '../../../ui/select.tsx';
import { FieldIssues } from '../inspector/field-issues.tsx';
import { MapStepsEditor, rowWithSteps } from '../inspector/forms/map-steps-editor.tsx';
import { useEditor } from '../store/editor-context.ts';
import { FIELD_ROW_HEIGHT, layoutLines } from './line-layout.ts';
import { MapPreview } from './map-preview-panel.tsx';
import { loadSession, type MapperSession, storeSession } from './mapper-session.ts';
import { listProfileFields, mergeRowPaths, type ProfileField } from './profile-fields.ts';
import { ProfilePanel } from './profile-panel.tsx';
import { upstreamProfile } from './upstream-profile.ts';

type MapConfig = ShapeConfig<'map'>;
type MapRow = MapConfig['mappings'][number];

const DRAG_TYPE = 'application/x-junction-map-field';
const LINES_WIDTH = 180;

export interface MapperDialogProps {
  shapeId: string;
  config: MapConfig;
  issues: readonly ValidationIssue[];
  onChange: (next: MapConfig, commit: boolean) => void;
  onCommit: () => void;
  onClose: () => void;
}

/**
 * The visual mapper: a view over the Map's rows (nothing of its own is saved).
 * Source fields on the left, target fields on the right, a line per row between
 * them. The lines are plain SVG over two fixed-height lists, not a second React
 * Flow instance: they only follow the rows, with no zoom, pan or free placement to
 * manage, and a second flow would bring its own selection and keyboard handling
 * into a dialog that sits above the canvas's. The lists stay ordinary DOM, so
 * the field names are text a screen reader reads; the list view below them
 * offers every drag as labelled selects and a button.
 */
export function MapperDialog({
  shapeId,
  config,
  issues,
  onChange,
  onCommit,
  onClose,
}: MapperDialogProps) {
  const doc = useEditor((state) => state.document);
  const sessionKey = `${doc.id}/${shapeId}`;
  const upstream = useMemo(() => upstreamProfile(doc, shapeId), [doc, shapeId]);
  const [session, setSession] = useState<MapperSession>(() => {
    const stored = loadSession(sessionKey);
    return stored.source === null && upstream ? { ...stored, source: upstream.profile } : stored;
  });
  const update = (patch: Partial<MapperSession>) =>
    setSession((current) => {
      const next = { ...current, ...patch };
      storeSession(sessionKey, next);
      return next;
    });
  const [selected, setSelected] = useState<number | null>(null);

  const sourceFields = mergeRowPaths(
    listProfileFields(session.source),
    config.mappings.map((row) => row.from),
  );
  const targetFields = mergeRowPaths(
    listProfileFields(session.target),
    config.mappings.map((row) => row.to),
  );
  const lines = layoutLines(
    config.mappings,
    sourceFields.map((f) => f.path),
    targetFields.map((f) => f.path),
  );
  const height = Math.max(sourceFields.length, targetFields.length, 1) * FIELD_ROW_HEIGHT;

  const setRows = (mappings: MapRow[], commit: boolean) =>
    onChange({ ...config, mappings }, commit);
  const addRow = (from: string, to: string) => {
    setRows([...config.mappings, { from, to }], true);
    setSelected(config.mappings.length);
  };
  const removeRow = (index: number) => {
    setRows(
      config.mappings.filter((_, i) => i !== index),
      true,
    );
    setSelected(null);
  };
  const selectedRow = selected === null ? undefined : config.mappings[selected];

  return (
    <Dialog
      title="Mapper"
      size="full"
      className="mapper"
      closeLabel="Close mapper"
      onClose={onClose}
      description={
        <>
          {upstream
            ? `Source fields start from the response profile of “${upstream.from}”.`
            : 'Give each side a profile from a sample document, or add fields by hand.'}{' '}
          Drag a source field onto a target field to map it; changes apply to the shape at once.
        </>
      }
    >
      <div className="mapper-profiles">
        <ProfilePanel
          side="Source"
          profile={session.source}
          sample={session.sourceSample}
          onProfile={(source) => update({ source })}
          onSample={(sourceSample) => update({ sourceSample })}
        />
        <ProfilePanel
          side="Target"
          profile={session.target}
          sample={session.targetSample}
          onProfile={(target) => update({ target })}
          onSample={(targetSample) => update({ targetSample })}
        />
      </div>
      <div className="mapper-board">
        <FieldList
          side="Source"
          fields={sourceFields}
          onDragStart={(path, event) => {
            event.dataTransfer.setData(DRAG_TYPE, path);
            event.dataTransfer.effectAllowed = 'link';
          }}
        />
        <div className="mapper-lines" style={{ width: LINES_WIDTH, height }}>
          <svg width={LINES_WIDTH} height={height} aria-hidden="true">
            {lines.map((line) => (
              <path
                key={line.row}
                className={line.row === selected ? 'is-selected' : undefined}
                d={`M0 ${line.y1} C${LINES_WIDTH / 2} ${line.y1}, ${LINES_WIDTH / 2} ${line.y2}, ${LINES_WIDTH} ${line.y2}`}
              />
            ))}
          </svg>
          {lines.map((line) => {
            const row = config.mappings[line.row] as MapRow;
            const fns = (row.steps ?? []).map((s) => s.fn).join(', ');
            return (
              <button
                key={line.row}
                type="button"
                className="mapper-line-label"
                style={{ top: line.labelY - 11 }}
                aria-pressed={line.row === selected}
                aria-label={`Mapping ${line.row + 1} functions: ${fns || 'none'}`}
                title={`${row.from} → ${row.to}`}
                onClick={() => setSelected(line.row)}
              >
                {fns || 'ƒ'}
              </button>
            );
          })}
        </div>
        <FieldList
          side="Target"
          fields={targetFields}
          onDrop={(path, event) => {
            const from = event.dataTransfer.getData(DRAG_TYPE);
            if (from) {
              addRow(from, path);
            }
          }}
        />
      </div>
      <div className="mapper-details">
        <section aria-label="Mappings list">
          <h3>Mappings</h3>
          <KeyboardMapping sources={sourceFields} targets={targetFields} onAdd={addRow} />
          <ol className="mapper-rows">
            {config.mappings.map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
              <li key={index} className={index === selected ? 'is-selected' : undefined}>
                <span>
                  {row.from || '?'} → {row.to || '?'}
                  {row.steps?.length ? ` (${row.steps.map((s) => s.fn).join(', ')})` : ''}
                </span>
                <button
                  type="button"
                  aria-label={`Edit functions of mapping ${index + 1}`}
                  onClick={() => setSelected(index)}
                >
                  Edit functions
                </button>
                <button
                  type="button"
                  aria-label={`Delete mapping ${index + 1}`}
                  onClick={() => removeRow(index)}
                >
                  Delete
                </button>
                {/* A drop onto a mapped target or an unreadable path is told here, as in Options. */}
                <FieldIssues issues={issues} field={`mappings/${index}/from`} />
                <FieldIssues issues={issues} field={`mappings/${index}/to`} />
              </li>
            ))}
          </ol>
        </section>
        {selected !== null && selectedRow && (
          <section aria-label="Mapping functions">
            <h3>
              Mapping {selected + 1}: {selectedRow.from} → {selectedRow.to}
            </h3>
            <MapStepsEditor
              row={selected}
              steps={selectedRow.steps ?? []}
              issues={issues}
              onChange={(steps, commit) =>
                setRows(
                  config.mappings.map((row, i) =>
                    i === selected ? rowWithSteps(row, steps) : row,
                  ),
                  commit,
                )
              }
              onCommit={onCommit}
            />
          </section>
        )}
        <MapPreview
          config={config}
          sample={session.sourceSample}
          onSample={(sourceSample) => update({ sourceSample })}
        />
      </div>
    </Dialog>
  );
}

/** One side's fields at a fixed row height, so the lines meet them (line-layout.ts). */
function FieldList({
  side,
  fields,
  onDragStart,
  onDrop,
}: {
  side: 'Source' | 'Target';
  fields: readonly ProfileField[];
  onDragStart?: (path: string, event: DragEvent) => void;
  onDrop?: (path: string, event: DragEvent) => void;
}) {
  const [over, setOver] = useState<string | null>(null);
  return (
    <ul className="mapper-fields" aria-label={`${side} fields`}>
      {fields.length === 0 && (
        <li className="hint" style={{ height: FIELD_ROW_HEIGHT }}>
          No {side.toLowerCase()} fields yet
        </li>
      )}
      {fields.map((field) => (
        <li
          key={field.path}
          style={{ height: FIELD_ROW_HEIGHT, paddingLeft: 8 + field.depth * 12 }}
          className={over === field.path ? 'is-drop-target' : undefined}
          draggable={onDragStart !== undefined}
          onDragStart={onDragStart && ((event) => onDragStart(field.path, event))}
          onDragOver={
            onDrop &&
            ((event) => {
              event.preventDefault();
              setOver(field.path);
            })
          }
          onDragLeave={onDrop && (() => setOver(null))}
          onDrop={
            onDrop &&
            ((event) => {
              event.preventDefault();
              setOver(null);
              onDrop(field.path, event);
            })
          }
        >
          <span className="mapper-field-path">{field.path}</span>
          <span className="mapper-field-type">{field.type}</span>
        </li>
      ))}
    </ul>
  );
}

/** The drag, for keyboard users: pick a source, pick a target, add the row. */
function KeyboardMapping({
  sources,
  targets,
  onAdd,
}: {
  sources: readonly ProfileField[];
  targets: readonly ProfileField[];
  onAdd: (from: string, to: string) => void;
}) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const id = useId();
  // Labels by `for`, not wrapping: a wrapped select's name would include its chosen option.
  return (
    <div className="row mapper-add-row">
      <label htmlFor={`${id}-from`}>Source field</label>
      <Select
        id={`${id}-from`}
        value={from}
        onChange={setFrom}
        placeholder="Choose…"
        choices={sources.map((f) => ({ value: f.path, label: f.path }))}
      />
      <label htmlFor={`${id}-to`}>Target field</label>
      <Select
        id={`${id}-to`}
        value={to}
        onChange={setTo}
        placeholder="Choose…"
        choices={targets.map((f) => ({ value: f.path, label: f.path }))}
      />
      <button type="button" disabled={from === '' || to === ''} onClick={() => onAdd(from, to)}>
        Add mapping
      </button>
    </div>
  );
}
