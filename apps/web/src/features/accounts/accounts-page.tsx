import type { Role } from '@junction/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Select } from '../../ui/select.tsx';
import {
  createCustomerAccount,
  createToken,
  ROLES,
  revokeToken,
  sessionQuery,
  tokensQuery,
} from './account-queries.ts';

/**
 * The current account's API tokens (a new one is shown once, then only its
 * name and role) and its customer accounts.
 */
export function AccountsPage() {
  const queryClient = useQueryClient();
  const session = useQuery(sessionQuery);
  const tokens = useQuery(tokensQuery);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const roleId = useId();
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);
  const [customer, setCustomer] = useState('');
  const create = useMutation({
    mutationFn: createToken,
    onSuccess: (created) => {
      setShown({ name: created.name, token: created.token });
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: revokeToken,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const addCustomer = useMutation({
    mutationFn: createCustomerAccount,
    onSuccess: () => {
      setCustomer('');
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
    },
  });

  const submitToken = (e: FormEvent) => {
    e.preventDefault();
    setShown(null);
    create.mutate({ name, role });
  };
  const submitCustomer = (e: FormEvent) => {
    e.preventDefault();
    addCustomer.mutate(customer);
  };

  return (
    <main className="page">
      <h1>Account {session.data?.accountId ?? ''}</h1>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">API tokens</h2>
        <form onSubmit={submitToken} aria-label="New API token">
          <label>
            Token name <input value={name} onChange={(e) => setName(e.target.value)} required />
          </label>{' '}
          <label htmlFor={roleId}>
            Role{' '}
            <Select
              id={roleId}
              value={role}
              onChange={setRole}
              choices={ROLES.map((r) => ({ value: r, label: r }))}
            />
          </label>{' '}
          <button type="submit" disabled={create.isPending}>
            Create token
          </button>
        </form>
        {create.error && <p role="alert">{create.error.message}</p>}
        {shown && (
          <div role="status" className="token-once">
            <p>
              Token <strong>{shown.name}</strong> — copy it now, it will not be shown again:
            </p>
            <output aria-label="New token">{shown.token}</output>
          </div>
        )}
        <table aria-label="API tokens">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Created</th>
              <th>Last used</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(tokens.data ?? []).map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{t.role}</td>
                <td>{new Date(t.createdAt).toLocaleString()}</td>
                <td>{t.lastUsedAt ? new Date(t.lastUsedAt).toLocaleString() : 'never'}</td>
                <td>{t.revokedAt ? 'revoked' : 'active'}</td>
                <td>
                  {!t.revokedAt && (
                    <button type="button" onClick={() => revoke.mutate(t.id)}>
                      Revoke {t.name}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="customers-heading">
        <h2 id="customers-heading">Customer accounts</h2>
        <form onSubmit={submitCustomer} aria-label="New customer account">
          <label>
            Customer name{' '}
            <input value={customer} onChange={(e) => setCustomer(e.target.value)} required />
          </label>{' '}
          <button type="submit" disabled={addCustomer.isPending}>
            Create customer account
          </button>
        </form>
        {addCustomer.error && <p role="alert">{addCustomer.error.message}</p>}
        {addCustomer.data && (
          <p role="status">Created {addCustomer.data.name}; switch to it above.</p>
        )}
      </section>
    </main>
  );
}
