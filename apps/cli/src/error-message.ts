import { CommanderError } from 'commander';
import { isExportError } from '@finops/export';
import { isFormatError } from '@finops/formats';
import { isReportError } from '@finops/reports';
import { isStoreError } from '@finops/store';
import { CliError } from './cli-error.js';

/** Exit code and one-line message for any failure: the one place errors meet the terminal. */
export function describeFailure(error: unknown): { exitCode: number; message: string | null } {
  if (error instanceof CommanderError) {
    // Commander has already printed its own message (or the help text).
    return { exitCode: error.exitCode === 0 ? 0 : 1, message: null };
  }
  if (error instanceof CliError) return { exitCode: error.exitCode, message: error.message };
  if (isReportError(error) || isExportError(error)) {
    const flag = error.parameter ? ` (--${error.parameter.replaceAll('_', '-')})` : '';
    return { exitCode: 1, message: `${error.message}${flag}` };
  }
  if (isStoreError(error) || isFormatError(error)) return { exitCode: 1, message: error.message };
  const text = error instanceof Error ? error.message : String(error);
  return { exitCode: 1, message: `unexpected failure: ${text}` };
}
