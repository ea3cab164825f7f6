import { describe, expect, it } from 'vitest';
import { defaultThresholds } from './report-params.js';
import { classifyChange } from './status.js';

describe('classifyChange', () => {
  it.each([
    [-0.5, 'on_track'],
    [0, 'on_track'],
    [0.03, 'on_track'],
    [0.030001, 'attention'],
    [0.08, 'attention'],
    [0.080001, 'regression'],
    [0.146199, 'regression'],
  ] as const)('classifies %d as %s with the default thresholds', (ratio, status) => {
    expect(classifyChange(ratio, defaultThresholds)).toBe(status);
  });

  it('honours configured thresholds', () => {
    const thresholds = { attention: 0.1, regression: 0.2 };

    expect(classifyChange(0.08, thresholds)).toBe('on_track');
    expect(classifyChange(0.15, thresholds)).toBe('attention');
    expect(classifyChange(0.2, thresholds)).toBe('attention');
    expect(classifyChange(0.200001, thresholds)).toBe('regression');
  });
});
