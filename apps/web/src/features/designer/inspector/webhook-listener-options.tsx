import { CONNECT_WEBHOOK_CLASSES, type ConnectWebhookListener } from '@junction/process-model';
import { useEditor } from '../store/editor-context.ts';
import { SelectField, TextField } from './forms/fields.tsx';
import { CallsPerMinuteField, ListenerAnswerFields } from './listener-answer-fields.tsx';
import type { ListenerOptionsProps } from './listener-options.tsx';
import { ListenerSecretField } from './listener-secret-field.tsx';
import { ListenerUrls } from './listener-urls.tsx';
import { WebhookRegister } from './webhook-register.tsx';

/**
 * A Connect webhook listener: its path and object class, and the JWT secret Connect
 * signs calls with (sealed on the server like any listener secret; enter the same
 * one as the webhook's `jwt_secret` on Connect).
 */
export function WebhookListenerOptions({
  shape,
  issues,
  change,
  commit,
  listener,
}: ListenerOptionsProps & { listener: ConnectWebhookListener }) {
  const set = (next: Partial<ConnectWebhookListener>, isCommit: boolean) =>
    change({ ...shape, config: { mode: 'listen', listener: { ...listener, ...next } } }, isCommit);
  const { answer, limits } = listener;
  const processId = useEditor((s) => s.document.id);
  return (
    <fieldset className="listener-options">
      <legend>Connect webhook</legend>
      <TextField
        label="Path"
        value={listener.path}
        placeholder="connect-requests"
        onChange={(path) => set({ path }, false)}
        onCommit={commit}
        issues={issues}
        field="listener/path"
      />
      <SelectField
        label="Object class"
        value={listener.objectClass}
        choices={CONNECT_WEBHOOK_CLASSES.map((c) => ({ value: c, label: c }))}
        onChange={(objectClass) => set({ objectClass }, true)}
        issues={issues}
        field="listener/objectClass"
      />
      <ListenerSecretField />
      <ListenerAnswerFields
        answer={answer}
        issues={issues}
        onChange={(next, isCommit) => set({ answer: next }, isCommit)}
        onCommit={commit}
      />
      <CallsPerMinuteField
        limits={limits}
        issues={issues}
        onChange={(next, isCommit) => set({ limits: next }, isCommit)}
        onCommit={commit}
      />
      <ListenerUrls path={listener.path} />
      <WebhookRegister processId={processId} />
    </fieldset>
  );
}
