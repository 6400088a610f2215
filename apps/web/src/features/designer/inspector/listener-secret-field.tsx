import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeApiError } from '../../../lib/api-issues.ts';
import { useEditor } from '../store/editor-context.ts';
import { listenerKeys, listenerSecretQuery, setListenerSecretRequest } from './listener-queries.ts';

/**
 * The listener's shared secret: typed here, sealed on the server, never shown
 * again (the field says only whether one is set). Not part of the process file.
 */
export function ListenerSecretField() {
  const processId = useEditor((s) => s.document.id);
  const queryClient = useQueryClient();
  const status = useQuery(listenerSecretQuery(processId));
  const [secret, setSecret] = useState('');
  const save = useMutation({
    mutationFn: () => setListenerSecretRequest(processId, secret),
    onSuccess: (view) => {
      setSecret('');
      queryClient.setQueryData(listenerKeys.secret(processId), view);
    },
  });
  const tooShort = secret.length > 0 && secret.length < 16;
  return (
    <div className="listener-secret">
      <label>
        New secret
        <input
          type="password"
          autoComplete="new-password"
          value={secret}
          aria-invalid={tooShort}
          onChange={(e) => setSecret(e.target.value)}
        />
      </label>
      <button
        type="button"
        disabled={secret.length < 16 || save.isPending}
        onClick={() => save.mutate()}
      >
        Save secret
      </button>
      <p className="hint" role="status">
        {tooShort
          ? 'A secret has at least 16 characters.'
          : save.isError
            ? `Could not save the secret: ${describeApiError(save.error)}`
            : status.data?.set
              ? 'A secret is set; saving another replaces it.'
              : status.isSuccess
                ? 'No secret yet: calls are refused until one is saved.'
                : ''}
      </p>
    </div>
  );
}
