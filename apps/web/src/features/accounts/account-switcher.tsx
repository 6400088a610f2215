import { useQuery } from '@tanstack/react-query';
import {
  type AccountView,
  chooseAccount,
  hierarchyQuery,
  sessionQuery,
} from './account-queries.ts';

/** Accounts in tree order, each labelled with its depth so the hierarchy reads in a select. */
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
  if (!session.data || !hierarchy.data) {
    return null;
  }
  return (
    <label className="account-switcher">
      Account{' '}
      <select
        value={session.data.accountId}
        onChange={(e) => chooseAccount(e.target.value)}
        disabled={hierarchy.data.length < 2}
      >
        {inTreeOrder(hierarchy.data, session.data.homeAccountId).map(({ account, depth }) => (
          <option key={account.id} value={account.id}>
            {`${'\u2014 '.repeat(depth)}${account.name}`}
          </option>
        ))}
      </select>
    </label>
  );
}
