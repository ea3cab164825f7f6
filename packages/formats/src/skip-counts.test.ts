import { describe, expect, it } from 'vitest';
import { countSkips, createSkipCounter, describeSkips, mergeSkipCounts } from './skip-counts.js';

describe('skip counts', () => {
  it('count per reason under the format and read most frequent first', () => {
    const { skipped, skip } = createSkipCounter('claude-code');
    for (const reason of ['summary line', 'user line', 'user line', 'summary line', 'user line']) {
      skip(reason);
    }

    expect(skipped).toEqual({ 'claude-code: summary line': 2, 'claude-code: user line': 3 });
    expect(describeSkips(skipped, 'claude-code')).toBe('user line 3, summary line 2');
    expect(countSkips(skipped)).toBe(5);
  });

  it('keep the format of reasons from another format and merge by reason', () => {
    const merged = mergeSkipCounts(
      { 'otlp: tool span': 1 },
      { 'otlp: tool span': 2, 'langfuse: SPAN observation': 2 },
    );

    expect(describeSkips(merged, 'otlp')).toBe('tool span 3, langfuse: SPAN observation 2');
  });
});
