import { describe, expect, it } from 'vitest';
import { normalizeStatus } from './status.js';

describe('normalizeStatus', () => {
  it.each([
    ['ok', 'success'],
    ['completed', 'success'],
    ['success', 'success'],
    ['succeeded', 'success'],
    ['pass', 'success'],
    ['passed', 'success'],
    ['failed', 'error'],
    ['failure', 'error'],
    ['error', 'error'],
    ['exception', 'error'],
    ['denied', 'denied'],
    ['blocked', 'denied'],
    [' Completed ', 'success'],
    ['OK', 'success'],
    ['FAILED', 'error'],
    ['Blocked', 'denied'],
    ['', 'unknown'],
    ['   ', 'unknown'],
    ['Retry', 'retry'],
    [' TIMEOUT ', 'timeout'],
    ['Partial Success', 'partial success'],
  ])('maps %j to %j', (status, normalized) => {
    expect(normalizeStatus(status)).toBe(normalized);
  });
});
