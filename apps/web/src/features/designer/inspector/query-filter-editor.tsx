import {
  type GroupingExpression,
  isGrouping,
  QUERY_OPERATORS,
  type QueryExpression,
  type QueryFilter,
  type QueryOperator,
  type SimpleExpression,
  type ValidationIssue,
} from '@junction/process-model';
import { FieldIssues } from './field-issues.tsx';
import { type Choice, SelectField, TextField } from './forms/fields.tsx';
import {
  canNestGroup,
  newCondition,
  nodeName,
  nodePointer,
  removeNode,
  type TreePath,
  updateNode,
  withOperator,
} from './query-filter-tree.ts';

const OPERATORS: readonly Choice<QueryOperator>[] = QUERY_OPERATORS.map((o) => ({
  value: o,
  label: o,
}));
const MATCH: readonly Choice<'and' | 'or'>[] = [
  { value: 'and', label: 'All (and)' },
  { value: 'or', label: 'Any (or)' },
];

interface NodeProps {
  issues: readonly ValidationIssue[];
  path: TreePath;
  /** Replaces this node; `commit` as in the Options panel. */
  set: (node: QueryExpression, commit: boolean) => void;
  remove: () => void;
  onCommit: () => void;
}

/**
 * The Query filter tree (process-semantics.md §11.1): conditions (property,
 * operator, values) inside and/or groups nested a few levels deep. A value written
 * `{name}` is taken from the parameter `name` at run time.
 */
export function QueryFilterEditor({
  filter,
  issues,
  onChange,
  onCommit,
}: {
  filter: QueryFilter | null;
  issues: readonly ValidationIssue[];
  onChange: (next: QueryFilter | null, commit: boolean) => void;
  onCommit: () => void;
}) {
  const root = filter?.expression;
  return (
    <fieldset className="query-filter">
      <legend>Filter</legend>
      {root === undefined ? (
        <>
          <p className="hint">No filter: Query returns every record.</p>
          <button type="button" onClick={() => onChange({ expression: newCondition() }, true)}>
            Add condition
          </button>
          <button
            type="button"
            onClick={() =>
              onChange(
                { expression: { operator: 'and', nestedExpression: [newCondition()] } },
                true,
              )
            }
          >
            Add group
          </button>
        </>
      ) : (
        <ExpressionEditor
          node={root}
          issues={issues}
          path={[]}
          set={(expression, commit) => onChange({ expression }, commit)}
          remove={() => onChange(null, true)}
          onCommit={onCommit}
        />
      )}
      <FieldIssues issues={issues} field="filter" />
    </fieldset>
  );
}

function ExpressionEditor({ node, ...props }: NodeProps & { node: QueryExpression }) {
  return isGrouping(node) ? (
    <GroupEditor node={node} {...props} />
  ) : (
    <ConditionEditor node={node} {...props} />
  );
}

function GroupEditor({
  node,
  issues,
  path,
  set,
  remove,
  onCommit,
}: NodeProps & { node: GroupingExpression }) {
  const name = `Group ${nodeName(path)}`;
  const add = (child: QueryExpression) =>
    set({ ...node, nestedExpression: [...node.nestedExpression, child] }, true);
  return (
    <fieldset className="query-filter__group">
      <legend>{name}</legend>
      <SelectField
        label="Match"
        name={`${name} match`}
        value={node.operator}
        choices={MATCH}
        onChange={(operator) => set({ ...node, operator }, true)}
      />
      {node.nestedExpression.map((child, i) => (
        <ExpressionEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: tree nodes have no identity of their own
          key={i}
          node={child}
          issues={issues}
          path={[...path, i]}
          set={(next, commit) =>
            set(
              updateNode(node, [i], () => next),
              commit,
            )
          }
          remove={() => {
            const next = removeNode(node, [i]);
            if (next) {
              set(next, true);
            }
          }}
          onCommit={onCommit}
        />
      ))}
      <FieldIssues issues={issues} field={`${nodePointer(path)}/nestedExpression`} />
      <div className="parameters__row">
        <button
          type="button"
          aria-label={`Add condition to ${name.toLowerCase()}`}
          onClick={() => add(newCondition())}
        >
          Add condition
        </button>
        {canNestGroup(path) && (
          <button
            type="button"
            aria-label={`Add group to ${name.toLowerCase()}`}
            onClick={() =>
              add({
                operator: node.operator === 'and' ? 'or' : 'and',
                nestedExpression: [newCondition()],
              })
            }
          >
            Add group
          </button>
        )}
        <button type="button" aria-label={`Remove ${name.toLowerCase()}`} onClick={remove}>
          Remove group
        </button>
      </div>
    </fieldset>
  );
}

function ConditionEditor({
  node,
  issues,
  path,
  set,
  remove,
  onCommit,
}: NodeProps & { node: SimpleExpression }) {
  const name = `Condition ${nodeName(path)}`;
  const at = nodePointer(path);
  return (
    <fieldset className="query-filter__condition">
      <legend>{name}</legend>
      <TextField
        label="Property"
        name={`${name} property`}
        value={node.property}
        placeholder="e.g. name"
        onChange={(property) => set({ ...node, property }, false)}
        onCommit={onCommit}
        issues={issues}
        field={`${at}/property`}
      />
      <SelectField
        label="Operator"
        name={`${name} operator`}
        value={node.operator}
        choices={OPERATORS}
        onChange={(operator) => set(withOperator(node, operator), true)}
        issues={issues}
        field={`${at}/argument`}
      />
      {node.argument.map((value, i) => (
        <TextField
          // biome-ignore lint/suspicious/noArrayIndexKey: arguments are positional
          key={i}
          label={`Value ${i + 1}`}
          name={`${name} value ${i + 1}`}
          value={value}
          placeholder="a value, or {parameter}"
          onChange={(text) =>
            set({ ...node, argument: node.argument.map((a, j) => (j === i ? text : a)) }, false)
          }
          onCommit={onCommit}
          issues={issues}
          field={`${at}/argument/${i}`}
        />
      ))}
      {path.length === 0 && (
        <button
          type="button"
          onClick={() => set({ operator: 'and', nestedExpression: [node, newCondition()] }, true)}
        >
          Add condition
        </button>
      )}
      <button type="button" aria-label={`Remove ${name.toLowerCase()}`} onClick={remove}>
        ×
      </button>
    </fieldset>
  );
}
