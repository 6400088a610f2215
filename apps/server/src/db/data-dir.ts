import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Only the server's own user may read or write what it stores. */
export const PRIVATE_UMASK = 0o077;

/**
 * The data directory holds the database files (the write-ahead log too) and the
 * key file: whoever can read them reads every stored token. It is created 0700,
 * and an existing one loses group and other access, so nothing below it is
 * reachable by other users even when older files kept looser modes.
 */
export function preparePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  narrow(dir);
}

/**
 * Takes group and other access away. A path that is already private is left
 * alone, so an operator's read-only mount with tight modes still starts.
 */
export function narrow(path: string): void {
  const mode = lstatSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    chmodSync(path, mode & 0o700);
  }
}

/**
 * Whatever the process writes with default modes (files 0666, directories
 * 0777) gets no group or other access: the entry point sets this first.
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
      narrow(path);
      tightenTree(path);
    } else if (stat.isFile()) {
      narrow(path);
    }
  }
}
