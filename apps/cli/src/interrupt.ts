/** Signals that stop a command, with the exit code a shell reports for each (128 + number). */
const stopSignals = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Runs `work`; an interrupt (Ctrl-C), a closed terminal (SIGHUP) or SIGTERM meanwhile runs
 * `cleanup` and ends the process at once with 130, 129 or 143, as a shell expects. Database
 * writes are synchronous transactions, so a signal handled between them never leaves one
 * half-done.
 */
export async function whileInterruptible<T>(
  cleanup: () => void,
  work: () => Promise<T>,
): Promise<T> {
  const stop = (signal: NodeJS.Signals) => {
    try {
      cleanup();
    } finally {
      process.exit(stopSignals[signal as keyof typeof stopSignals] ?? 1);
    }
  };
  const signals = Object.keys(stopSignals) as NodeJS.Signals[];
  for (const signal of signals) process.once(signal, stop);
  try {
    return await work();
  } finally {
    for (const signal of signals) process.off(signal, stop);
  }
}
