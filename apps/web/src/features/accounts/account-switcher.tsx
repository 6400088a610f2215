import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Select } from '../../ui/select.tsx';
import {
  type AccountView,
  chooseAccount,
  hierarchyQuery,
  sessionQuery,
} from './account-queries.ts';

/** Accounts in tree order, each labelled with its depth so the hierarchy reads in a list. */
function inTreeOrder(
  accounts: AccountView[],
  rootId: string,
): { account: AccountView; depth: number }[] {
  const out: { account: AccountView; depth: number }[] = [];
  const visit = (id: string, depth: number) => {
    const account = accounts.find((a) => a.id === id);
    if (!account) {
      return;
    }
    out.push({ account, depth });
    for (const child of accounts.filter((a) => a.parentAccountId === id)) {
      visit(child.id, depth + 1);
    }
  };
  visit(rootId, 0);
  return out;
}

/** Picks the account the whole app acts on, among those the credentials reach. */
export function AccountSwitcher() {
  const session = useQuery(sessionQuery);
  const home = session.data?.homeAccountId;
  const hierarchy = useQuery({ ...hierarchyQuery(home ?? ''), enabled: home !== undefined });
  const id = useId();
  if (!session.data || !hierarchy.data) {
    return null;
  }
  return (
    <label className="account-switcher" htmlFor={id}>
      Account{' '}
      <Select
        id={id}
        value={session.data.accountId}
        onChange={chooseAccount}
        disabled={hierarchy.data.length < 2}
        choices={inTreeOrder(hierarchy.data, session.data.homeAccountId).map(
          ({ account, depth }) => ({
            value: account.id,
            label: `${'\u2014 '.repeat(depth)}${account.name}`,
          }),
        )}
      />
    </label>
  );
}
