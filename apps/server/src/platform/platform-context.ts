/**
 * What every Platform API handler is given, apart from the service that calls them, so
 * that handlers and the service do not import each other.
 */

import type { Caller } from '../auth/roles.ts';
import type { Database } from '../db/database.ts';
import { HttpError } from '../errors.ts';
import type { AccountRepository } from '../repositories/account-repository.ts';
import type { ConnectionRepository } from '../repositories/connection-repository.ts';
import type { DeploymentRepository } from '../repositories/deployment-repository.ts';
import type { EnvironmentRepository } from '../repositories/environment-repository.ts';
import type { ProcessRepository } from '../repositories/process-repository.ts';
import type { RunRepository } from '../repositories/run-repository.ts';
import type { TokenRepository } from '../repositories/token-repository.ts';
import type { RunDispatcher } from '../runs/run-dispatcher.ts';

export interface PlatformDeps {
  db: Database;
  accounts: AccountRepository;
  tokens: TokenRepository;
  environments: EnvironmentRepository;
  deployments: DeploymentRepository;
  processes: ProcessRepository;
  connections: ConnectionRepository;
  runs: RunRepository;
  dispatcher: RunDispatcher;
  /** Gives a new account what every account starts with (the sandbox connection). */
  onAccountCreated(accountId: string): Promise<void>;
}

/** What a handler gets: the caller, the account it acts in (checked) and the deps. */
export interface PlatformContext {
  caller: Caller;
  accountId: string;
  deps: PlatformDeps;
}

export function forbidden(message: string): HttpError {
  return new HttpError(403, 'forbidden', message);
}
