import { describeFailure } from './error-message.js';
import type { CommandIo } from './io.js';
import { buildProgram } from './program.js';

/** Runs the CLI with the given arguments and streams; resolves to the process exit code. */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...argv], { from: 'user' });
    return io.exitCode;
  } catch (error) {
    const { exitCode, message } = describeFailure(error);
    // One line, even when a message quotes input text that holds line breaks.
    if (message !== null) io.err.write(`finops: ${message.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
    return exitCode;
  }
}
