import {
  type JsonChange,
  type ProcessDiff,
  renderPath,
  type ShapeDiff,
} from '@junction/process-model';
import { shapeTitle } from '../designer/canvas/to-flow.ts';
import { STATUS_WORD } from './compare-flow.ts';

/** JSON text of a value, so `1` and `"1"` read differently; absent reads as a dash. */
function show(value: unknown): string {
  return value === undefined ? '—' : (JSON.stringify(value) ?? String(value));
}

/** Each changed field with its old and new value. */
export function FieldChanges({ caption, fields }: { caption: string; fields: JsonChange[] }) {
  return (
    <table className="diff-fields">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr key={renderPath(field.path)}>
            <th scope="row">{renderPath(field.path)}</th>
            <td>{show(field.before)}</td>
            <td>{show(field.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function describe(shape: ShapeDiff): string {
  const moved = shape.moved ? ' (moved)' : '';
  return shape.status === 'unchanged' ? `moved` : `${STATUS_WORD[shape.status]}${moved}`;
}

/** Every shape that differs, as buttons that select it on the canvas too. */
export function ChangeList(props: {
  diff: ProcessDiff;
  selected: string | null;
  onSelect: (shapeId: string) => void;
}) {
  const differing = props.diff.shapes.filter((s) => s.status !== 'unchanged' || s.moved);
  const selected = props.diff.shapes.find((s) => s.id === props.selected);
  return (
    <div className="diff-changes">
      {differing.length > 0 && (
        <ul aria-label="Changed shapes">
          {differing.map((shape) => (
            <li key={shape.id}>
              <button
                type="button"
                className={`diff-change diff-change--${shape.status}`}
                aria-pressed={shape.id === props.selected}
                onClick={() => props.onSelect(shape.id)}
              >
                {shapeTitle(shape.shape)} — {describe(shape)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected && selected.fields.length > 0 && (
        <FieldChanges
          caption={`Changes to ${shapeTitle(selected.shape)}`}
          fields={selected.fields}
        />
      )}
      {selected?.moved && (
        <p>
          Moved from ({selected.moved.from.x}, {selected.moved.from.y}) to ({selected.moved.to.x},{' '}
          {selected.moved.to.y}).
        </p>
      )}
      {props.diff.process.length > 0 && (
        <FieldChanges caption="Process" fields={props.diff.process} />
      )}
    </div>
  );
}
