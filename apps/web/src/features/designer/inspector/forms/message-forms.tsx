import type { ParameterValue, ValidationIssue } from '@junction/process-model';
import { ParameterValueList } from '../parameter-value-input.tsx';
import { CheckboxField, SelectField, TextField } from './fields.tsx';
import type { ConfigFormProps } from './form-props.ts';

/** The `{1}`, `{2}` … text and its parameters, shared by Message, Notify and Exception. */
function TemplateFields({
  label,
  text,
  parameters,
  hint,
  onText,
  onParameters,
  onCommit,
  issues,
}: {
  label: string;
  text: string;
  parameters: readonly ParameterValue[];
  hint: string;
  onText: (text: string) => void;
  onParameters: (next: ParameterValue[], commit: boolean) => void;
  onCommit: () => void;
  issues: readonly ValidationIssue[];
}) {
  return (
    <>
      <TextField
        label={label}
        value={text}
        multiline
        rows={6}
        onChange={onText}
        onCommit={onCommit}
        issues={issues}
        field="text"
      />
      <p className="hint">{hint}</p>
      <ParameterValueList
        legend="Parameters"
        noun="parameter"
        hint="Parameter 1 fills {1}, parameter 2 fills {2}, and so on."
        values={parameters}
        onChange={onParameters}
        onCommit={onCommit}
        issues={issues}
        field="parameters"
      />
    </>
  );
}

const QUOTE_RULES =
  "An apostrophe starts a literal part where {n} is not replaced; '' is one apostrophe.";

/** Message: replaces each document with the rendered text. */
export function MessageForm({ config, issues, onChange, onCommit }: ConfigFormProps<'message'>) {
  return (
    <>
      <TemplateFields
        label="Message"
        text={config.text}
        parameters={config.parameters}
        hint={
          config.jsonSafe
            ? 'JSON-safe: apostrophes are plain characters and {n} is always replaced.'
            : QUOTE_RULES
        }
        onText={(text) => onChange({ ...config, text }, false)}
        onParameters={(parameters, commit) => onChange({ ...config, parameters }, commit)}
        onCommit={onCommit}
        issues={issues}
      />
      <CheckboxField
        label="JSON-safe text (apostrophes are plain characters)"
        checked={config.jsonSafe}
        onChange={(jsonSafe) => onChange({ ...config, jsonSafe }, true)}
      />
      <CheckboxField
        label="Combine documents into a single message"
        checked={config.combineDocuments}
        onChange={(combineDocuments) => onChange({ ...config, combineDocuments }, true)}
      />
    </>
  );
}

const LEVELS = [
  { value: 'info', label: 'Information' },
  { value: 'warning', label: 'Warning' },
  { value: 'error', label: 'Error' },
] as const;

/** Title, then the message with Boomi's quote rules: what Notify and Exception share. */
function TitledMessage<C extends { title: string; text: string; parameters: ParameterValue[] }>({
  config,
  issues,
  onChange,
  onCommit,
}: {
  config: C;
  issues: readonly ValidationIssue[];
  onChange: (next: C, commit: boolean) => void;
  onCommit: () => void;
}) {
  return (
    <>
      <TextField
        label="Title"
        value={config.title}
        onChange={(title) => onChange({ ...config, title }, false)}
        onCommit={onCommit}
        issues={issues}
        field="title"
      />
      <TemplateFields
        label="Message"
        text={config.text}
        parameters={config.parameters}
        hint={QUOTE_RULES}
        onText={(text) => onChange({ ...config, text }, false)}
        onParameters={(parameters, commit) => onChange({ ...config, parameters }, commit)}
        onCommit={onCommit}
        issues={issues}
      />
    </>
  );
}

/** Notify: writes a process-log line; documents pass through. */
export function NotifyForm({ config, issues, onChange, onCommit }: ConfigFormProps<'notify'>) {
  return (
    <>
      <SelectField
        label="Message level"
        value={config.level}
        choices={LEVELS}
        onChange={(level) => onChange({ ...config, level }, true)}
      />
      <TitledMessage config={config} issues={issues} onChange={onChange} onCommit={onCommit} />
      <CheckboxField
        label="Write once per execution (no document values)"
        checked={config.oncePerExecution ?? false}
        onChange={(oncePerExecution) => onChange({ ...config, oncePerExecution }, true)}
      />
    </>
  );
}

/** Exception: ends the path with an error, the document's or the whole process's. */
export function ExceptionForm({
  config,
  issues,
  onChange,
  onCommit,
}: ConfigFormProps<'exception'>) {
  return (
    <>
      <TitledMessage config={config} issues={issues} onChange={onChange} onCommit={onCommit} />
      <CheckboxField
        label="Stop the entire process and fail all documents"
        checked={config.stopEntireProcess}
        onChange={(stopEntireProcess) => onChange({ ...config, stopEntireProcess }, true)}
      />
    </>
  );
}
