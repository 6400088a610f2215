import {
  DEFAULT_SYNC_TIMEOUT_SECONDS,
  type HttpListener,
  type ValidationIssue,
} from '@junction/process-model';
import { SelectField } from './forms/fields.tsx';
import { IntegerField } from './forms/integer-fields.tsx';

type Answer = HttpListener['answer'];
type Limits = HttpListener['limits'];

/** How a listener answers its caller: at once with the execution id, or after Return Documents. */
export function ListenerAnswerFields({
  answer,
  issues,
  onChange,
  onCommit,
}: {
  answer: Answer;
  issues: readonly ValidationIssue[];
  onChange: (answer: Answer, commit: boolean) => void;
  onCommit: () => void;
}) {
  return (
    <>
      <SelectField
        label="Answer"
        value={answer.mode}
        choices={[
          { value: 'sync', label: 'Wait for Return Documents' },
          { value: 'async', label: 'At once: 202 with the execution id' },
        ]}
        onChange={(mode) =>
          onChange(
            mode === 'sync' ? { mode, timeoutSeconds: DEFAULT_SYNC_TIMEOUT_SECONDS } : { mode },
            true,
          )
        }
        issues={issues}
        field="listener/answer/mode"
      />
      {answer.mode === 'sync' && (
        <IntegerField
          label="Timeout (seconds)"
          value={answer.timeoutSeconds}
          onChange={(timeoutSeconds) => onChange({ mode: 'sync', timeoutSeconds }, false)}
          onCommit={onCommit}
          issues={issues}
          field="listener/answer/timeoutSeconds"
        />
      )}
    </>
  );
}

/** A listener's calls per minute, shared by every kind; the HTTP kind adds body and concurrency. */
export function CallsPerMinuteField({
  limits,
  issues,
  onChange,
  onCommit,
}: {
  limits: Limits;
  issues: readonly ValidationIssue[];
  onChange: (limits: Limits, commit: boolean) => void;
  onCommit: () => void;
}) {
  return (
    <IntegerField
      label="Calls per minute"
      value={limits.ratePerMinute}
      onChange={(ratePerMinute) => onChange({ ...limits, ratePerMinute }, false)}
      onCommit={onCommit}
      issues={issues}
      field="listener/limits/ratePerMinute"
    />
  );
}
