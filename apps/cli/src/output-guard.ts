import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './cli-error.js';

/** A file a command must never write over, and what it is (for the message). */
export interface KeptFile {
  path: string;
  role: string;
}

/**
 * Where a path really leads: symbolic links followed, dangling ones included (a link to a WAL
 * file that SQLite has not made yet), and the folder's own links resolved.
 */
function canonicalPath(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops += 1) {
    try {
      if (!lstatSync(current).isSymbolicLink()) break;
      current = resolve(dirname(current), readlinkSync(current));
    } catch {
      break;
    }
  }
  try {
    return join(realpathSync(dirname(current)), basename(current));
  } catch {
    return current;
  }
}

/** Whether two paths name the same file: the same place once links are followed, or inode. */
function sameFile(a: string, b: string): boolean {
  if (canonicalPath(a) === canonicalPath(b)) return true;
  try {
    const left = statSync(a);
    const right = statSync(b);
    return left.dev === right.dev && left.ino === right.ino;
  } catch {
    return false;
  }
}

/**
 * The database file and the files SQLite keeps beside it (WAL, shared memory, rollback journal),
 * beside the path as given and beside the file it links to, where SQLite really puts them.
 */
export function databaseFiles(dbPath: string): KeptFile[] {
  const places = [...new Set([dbPath, canonicalPath(dbPath)])];
  return places.flatMap((place) =>
    ['', '-wal', '-shm', '-journal'].map((suffix) => ({
      path: `${place}${suffix}`,
      role: suffix ? `a file of the database ${dbPath}` : 'the database',
    })),
  );
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
