import { join } from 'node:path';
import { preparePrivateDir } from './data-dir.ts';
import type { Database } from './database.ts';
import { migrate } from './migrations.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

export interface DatabaseConfig {
  /** PostgreSQL server URL; when absent, embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Optional schema for the PostgreSQL server (isolates test runs). */
  schema?: string | undefined;
  /** Directory for PGlite's files; undefined keeps the database in memory. */
  dataDir?: string | undefined;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const db = config.databaseUrl
    ? await openPostgresDatabase(config.databaseUrl, config.schema)
    : await openPgliteDatabase(config.dataDir ? pgliteDir(config.dataDir) : undefined);
  await migrate(db);
  return db;
}

/** PGlite's directory, inside a data directory only its owner can enter. */
function pgliteDir(dataDir: string): string {
  preparePrivateDir(dataDir);
  return join(dataDir, 'pglite');
}
