/**
 * Runs `work`; an interrupt (Ctrl-C, SIGINT) or SIGTERM meanwhile runs `cleanup` and ends the
 * process at once with 130 or 143, as a shell expects. Database writes are synchronous
 * transactions, so a signal handled between them never leaves one half-done.
 */
export async function whileInterruptible<T>(
  cleanup: () => void,
  work: () => Promise<T>,
): Promise<T> {
  const stop = (signal: NodeJS.Signals) => {
    try {
      cleanup();
    } finally {
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await work();
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
