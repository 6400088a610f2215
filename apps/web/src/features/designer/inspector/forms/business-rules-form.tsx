import { FieldIssues } from '../field-issues.tsx';
import { TextField } from './fields.tsx';
import type { ConfigFormProps } from './form-props.ts';
import { moveAt, removeAt, replaceAt } from './list-ops.ts';
import { RowActions } from './row-actions.tsx';

type Rule = ConfigFormProps<'business-rules'>['config']['rules'][number];

/** Business Rules: every rule runs; a document passing all of them is Accepted. */
export function BusinessRulesForm({
  config,
  issues,
  onChange,
  onCommit,
}: ConfigFormProps<'business-rules'>) {
  const rules = config.rules;
  const setRules = (next: Rule[], commit: boolean) => onChange({ rules: next }, commit);
  const setRule = (index: number, next: Rule) => setRules(replaceAt(rules, index, next), false);
  return (
    <fieldset>
      <legend>Rules</legend>
      {rules.map((rule, index) => {
        const n = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rules have no identity of their own
          <fieldset key={index}>
            <legend>Rule {n}</legend>
            <TextField
              label="Name"
              name={`Rule ${n} name`}
              value={rule.name}
              onChange={(name) => setRule(index, { ...rule, name })}
              onCommit={onCommit}
              issues={issues}
              field={`rules/${index}/name`}
            />
            <TextField
              label="Condition (JSONata)"
              name={`Rule ${n} condition (JSONata)`}
              value={rule.condition}
              multiline
              rows={3}
              code
              placeholder="e.g. amount > 0 and status = 'approved'"
              onChange={(condition) => setRule(index, { ...rule, condition })}
              onCommit={onCommit}
              issues={issues}
              field={`rules/${index}/condition`}
            />
            <TextField
              label="Error message"
              name={`Rule ${n} error message`}
              value={rule.message}
              onChange={(message) => setRule(index, { ...rule, message })}
              onCommit={onCommit}
              issues={issues}
              field={`rules/${index}/message`}
            />
            <RowActions
              item={`rule ${n}`}
              index={index}
              count={rules.length}
              onMove={(delta) => setRules(moveAt(rules, index, delta), true)}
              onRemove={() => setRules(removeAt(rules, index), true)}
            />
          </fieldset>
        );
      })}
      <FieldIssues issues={issues} field="rules" />
      <button
        type="button"
        onClick={() => setRules([...rules, { name: '', condition: '', message: '' }], true)}
      >
        Add rule
      </button>
    </fieldset>
  );
}
