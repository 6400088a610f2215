import {
  defaultConnectWebhookListener,
  defaultHttpListener,
  type HttpListener,
  LISTEN_METHODS,
  type ListenMethod,
  type Shape,
  type ValidationIssue,
} from '@junction/process-model';
import { useState } from 'react';
import { SelectField, TextField } from './forms/fields.tsx';
import { IntegerField } from './forms/integer-fields.tsx';
import { CallsPerMinuteField, ListenerAnswerFields } from './listener-answer-fields.tsx';
import { ListenerSecretField } from './listener-secret-field.tsx';
import { ListenerTestCall } from './listener-test-call.tsx';
import { ListenerUrls } from './listener-urls.tsx';
import { WebhookListenerOptions } from './webhook-listener-options.tsx';

export type ListenStart = Extract<Shape, { kind: 'start' }> & { config: { mode: 'listen' } };

export interface ListenerOptionsProps {
  shape: ListenStart;
  issues: readonly ValidationIssue[];
  change: (next: Shape, commit: boolean) => void;
  commit: () => void;
}

/** A Listen Start's listener: an HTTP call of any caller, or Connect's webhook calls. */
export function ListenerOptions(props: ListenerOptionsProps) {
  const { shape, change } = props;
  const listener = shape.config.listener;
  return (
    <>
      <SelectField
        label="Listen for"
        value={listener.kind}
        choices={[
          { value: 'http', label: 'HTTP calls' },
          { value: 'connect-webhook', label: 'Connect webhook calls' },
        ]}
        onChange={(kind) => {
          const fresh = kind === 'http' ? defaultHttpListener() : defaultConnectWebhookListener();
          change(
            { ...shape, config: { mode: 'listen', listener: { ...fresh, path: listener.path } } },
            true,
          );
        }}
      />
      {listener.kind === 'http' ? (
        <HttpListenerOptions {...props} listener={listener} />
      ) : (
        <WebhookListenerOptions {...props} listener={listener} />
      )}
    </>
  );
}

/** An HTTP listener: where and how it is called, what it answers, its limits. */
function HttpListenerOptions({
  shape,
  issues,
  change,
  commit,
  listener,
}: ListenerOptionsProps & { listener: HttpListener }) {
  const set = (next: Partial<HttpListener>, isCommit: boolean) =>
    change({ ...shape, config: { mode: 'listen', listener: { ...listener, ...next } } }, isCommit);
  const { auth, answer, limits } = listener;
  return (
    <fieldset className="listener-options">
      <legend>HTTP listener</legend>
      <TextField
        label="Path"
        value={listener.path}
        placeholder="orders"
        onChange={(path) => set({ path }, false)}
        onCommit={commit}
        issues={issues}
        field="listener/path"
      />
      <SelectField
        label="Method"
        value={listener.method}
        choices={LISTEN_METHODS.map((m) => ({ value: m, label: m }))}
        onChange={(method: ListenMethod) => set({ method }, true)}
      />
      <SelectField
        label="Callers authenticate with"
        value={auth.kind}
        choices={[
          { value: 'api-token', label: 'The account’s API token' },
          { value: 'shared-secret', label: 'A shared secret header' },
        ]}
        onChange={(kind) =>
          set(
            {
              auth: kind === 'api-token' ? { kind } : { kind, header: 'x-junction-secret' },
            },
            true,
          )
        }
      />
      {auth.kind === 'shared-secret' && (
        <>
          <TextField
            label="Secret header"
            value={auth.header}
            onChange={(header) => set({ auth: { kind: 'shared-secret', header } }, false)}
            onCommit={commit}
            issues={issues}
            field="listener/auth/header"
          />
          <ListenerSecretField />
        </>
      )}
      <ListenerAnswerFields
        answer={answer}
        issues={issues}
        onChange={(next, isCommit) => set({ answer: next }, isCommit)}
        onCommit={commit}
      />
      <IntegerField
        label="Largest body (bytes)"
        value={limits.maxBodyBytes}
        onChange={(maxBodyBytes) => set({ limits: { ...limits, maxBodyBytes } }, false)}
        onCommit={commit}
        issues={issues}
        field="listener/limits/maxBodyBytes"
      />
      <CallsPerMinuteField
        limits={limits}
        issues={issues}
        onChange={(next, isCommit) => set({ limits: next }, isCommit)}
        onCommit={commit}
      />
      <IntegerField
        label="Calls at once"
        value={limits.concurrency}
        onChange={(concurrency) => set({ limits: { ...limits, concurrency } }, false)}
        onCommit={commit}
        issues={issues}
        field="listener/limits/concurrency"
      />
      <BodySchemaField
        schema={listener.bodySchema}
        issues={issues}
        onChange={(bodySchema, isCommit) => {
          const { bodySchema: _old, ...rest } = listener;
          change(
            {
              ...shape,
              config: {
                mode: 'listen',
                listener: bodySchema === undefined ? rest : { ...rest, bodySchema },
              },
            },
            isCommit,
          );
        }}
        onCommit={commit}
      />
      <ListenerUrls path={listener.path} />
      <ListenerTestCall />
    </fieldset>
  );
}

/** The body's JSON Schema as text: what does not parse stays here with a message. */
function BodySchemaField({
  schema,
  issues,
  onChange,
  onCommit,
}: {
  schema: Record<string, unknown> | undefined;
  issues: readonly ValidationIssue[];
  onChange: (schema: Record<string, unknown> | undefined, commit: boolean) => void;
  onCommit: () => void;
}) {
  const asText = (s: Record<string, unknown> | undefined) =>
    s === undefined ? '' : JSON.stringify(s, null, 2);
  const [text, setText] = useState(() => asText(schema));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <TextField
        label="Body JSON Schema (optional)"
        value={text}
        multiline
        code
        rows={6}
        placeholder='{"type": "object", "required": ["id"]}'
        onChange={(next) => {
          setText(next);
          if (next.trim() === '') {
            setProblem(null);
            onChange(undefined, false);
            return;
          }
          try {
            const parsed: unknown = JSON.parse(next);
            if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
              setProblem('A JSON Schema is an object, like {"type": "object"}.');
              return;
            }
            setProblem(null);
            onChange(parsed as Record<string, unknown>, false);
          } catch (error) {
            setProblem(`Not JSON yet: ${(error as Error).message}`);
          }
        }}
        onCommit={onCommit}
        issues={issues}
        field="listener/bodySchema"
        nested
      />
      {problem && (
        <p className="field-issue is-error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
