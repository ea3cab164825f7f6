const statusAliases: Record<string, string> = {
  ok: 'success',
  completed: 'success',
  success: 'success',
  succeeded: 'success',
  pass: 'success',
  passed: 'success',
  failed: 'error',
  failure: 'error',
  error: 'error',
  exception: 'error',
  denied: 'denied',
  blocked: 'denied',
};

/**
 * Normalizes a status (SPEC §1.2): trimmed and lowercased, aliases folded, blank → `unknown`,
 * anything else kept lowercased.
 *
 * @example normalizeStatus(' Completed ') // 'success'
 */
export function normalizeStatus(status: string): string {
  const key = status.trim().toLowerCase();
  if (key === '') return 'unknown';
  return statusAliases[key] ?? key;
}
