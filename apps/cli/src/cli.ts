import type { CommandIo } from './io.js';
import { runCli } from './run-cli.js';

const io: CommandIo = { out: process.stdout, err: process.stderr, env: process.env, exitCode: 0 };
process.exitCode = await runCli(process.argv.slice(2), io);
