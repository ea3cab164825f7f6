import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from './cli-error.js';

/** A file a command must never write over, and what it is (for the message). */
export interface KeptFile {
  path: string;
  role: string;
}

/** Whether two paths name the same file: the same device and inode, or the same absolute path. */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const left = statSync(a);
    const right = statSync(b);
    return left.dev === right.dev && left.ino === right.ino;
  } catch {
    return false;
  }
}

/** The database file and the WAL and shared-memory files SQLite keeps beside it. */
export function databaseFiles(dbPath: string): KeptFile[] {
  return ['', '-wal', '-shm'].map((suffix) => ({
    path: `${dbPath}${suffix}`,
    role: suffix ? `a file of the database ${dbPath}` : 'the database',
  }));
}

/**
 * Refuses an output path that names one of `kept` (a link or another spelling of the same path
 * included), before anything is opened: writing there would destroy it.
 *
 * @throws CliError naming the flag, the path, what it would overwrite and what the file is for.
 */
export function assertWritableOutput(
  flag: string,
  path: string,
  kept: readonly KeptFile[],
  purpose: string,
): void {
  const clash = kept.find((file) => sameFile(path, file.path));
  if (clash) {
    throw new CliError(`${flag} ${path} is ${clash.role}: choose another file for ${purpose}`);
  }
}
