import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Only the server's own user may read or write what it stores. */
export const PRIVATE_UMASK = 0o077;

/**
 * The data directory holds the database files (the write-ahead log too) and the
 * key file: whoever can read them reads every stored token. It is created 0700,
 * and an existing one is narrowed to 0700, so nothing below it is reachable by
 * other users even when older files kept looser modes.
 */
export function preparePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/**
 * Files PGlite writes get the process's umask, and PGlite has no mode option:
 * the entry point sets a private umask before anything is written.
 */
export function setPrivateUmask(): void {
  process.umask(PRIVATE_UMASK);
}

/**
 * PGlite's file system layer creates files 0666 whatever the umask, so its
 * directory is narrowed after it opens and after it closes: directories 0700,
 * files 0600. Files it creates in between sit inside the 0700 directory, out
 * of other users' reach.
 */
export function tightenTree(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isDirectory()) {
      chmodSync(path, 0o700);
      tightenTree(path);
    } else if (stat.isFile() && (stat.mode & 0o077) !== 0) {
      chmodSync(path, stat.mode & 0o700);
    }
  }
}
