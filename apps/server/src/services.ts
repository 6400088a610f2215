import type { ConnectionRepository } from './repositories/connection-repository.ts';
import type { PinnedInputRepository } from './repositories/pinned-input-repository.ts';
import type { ProcessRepository } from './repositories/process-repository.ts';
import type { RunDocumentRepository } from './repositories/run-document-repository.ts';
import type { RunPauseRepository } from './repositories/run-pause-repository.ts';
import type { RunRepository } from './repositories/run-repository.ts';
import type { PauseBoard } from './runs/debug/pause-board.ts';
import type { RunDispatcher } from './runs/run-dispatcher.ts';

/** What route plugins get: repositories and the run dispatcher, nothing global. */
export interface Services {
  processes: ProcessRepository;
  connections: ConnectionRepository;
  runs: RunRepository;
  runDocuments: RunDocumentRepository;
  pinnedInputs: PinnedInputRepository;
  runPauses: RunPauseRepository;
  dispatcher: RunDispatcher;
  /** Wakes paused test runs when their answer is stored. */
  pauseBoard: PauseBoard;
  /** Tests a Connect connection with its stored token; never returns the token. */
  testConnection(accountId: string, id: string): Promise<{ ok: boolean; message: string }>;
  /** The account of the request. A default install has one. */
  accountOf(request: unknown): string;
}
