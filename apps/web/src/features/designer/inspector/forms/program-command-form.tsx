import { TextField } from './fields.tsx';
import type { ConfigFormProps } from './form-props.ts';
import { StringListField } from './string-list-field.tsx';

/** Program Command: a program run directly (no shell), each argument passed as is. */
export function ProgramCommandForm({
  config,
  issues,
  onChange,
  onCommit,
}: ConfigFormProps<'program-command'>) {
  return (
    <>
      <TextField
        label="Command"
        value={config.command}
        code
        placeholder="e.g. /usr/bin/env"
        onChange={(command) => onChange({ ...config, command }, false)}
        onCommit={onCommit}
        issues={issues}
        field="command"
      />
      <StringListField
        legend="Arguments"
        noun="argument"
        hint="Passed to the program one by one; no quoting needed."
        items={config.args}
        onChange={(args, commit) => onChange({ ...config, args }, commit)}
        onCommit={onCommit}
        issues={issues}
        field="args"
      />
    </>
  );
}
