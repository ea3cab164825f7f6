import type { Writable } from 'node:stream';

/** Where a command writes: results to `out`, diagnostics and progress to `err`. */
export interface CommandIo {
  out: Writable & { isTTY?: boolean };
  err: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Exit code the command asks for once it has finished (0 unless set). */
  exitCode: number;
}

/** Writes text to the result stream. */
export function print(io: CommandIo, text: string): void {
  io.out.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Writes one diagnostic line to stderr. */
export function note(io: CommandIo, text: string): void {
  io.err.write(`${text}\n`);
}
