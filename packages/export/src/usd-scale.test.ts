import { describe, expect, it } from 'vitest';
import { computeUsdScale } from './usd-scale.js';

const labels = (max: number) => computeUsdScale(max).ticks.map((tick) => tick.label);

describe('computeUsdScale', () => {
  it.each([
    [10, 10, ['$0', '$2', '$4', '$6', '$8', '$10']],
    [10.1, 12.5, ['$0.0', '$2.5', '$5.0', '$7.5', '$10.0', '$12.5']],
    [0.3, 0.3, ['$0.0', '$0.1', '$0.2', '$0.3']],
    [0.7, 0.8, ['$0.0', '$0.2', '$0.4', '$0.6', '$0.8']],
    [1.2, 1.25, ['$0.00', '$0.25', '$0.50', '$0.75', '$1.00', '$1.25']],
    [48, 50, ['$0', '$10', '$20', '$30', '$40', '$50']],
    [151.45, 200, ['$0', '$50', '$100', '$150', '$200']],
    [0, 1, ['$0.0', '$0.2', '$0.4', '$0.6', '$0.8', '$1.0']],
  ])('scales %s USD from 0 to %s in round steps', (max, top, expected) => {
    expect(computeUsdScale(max).top).toBe(top);
    expect(labels(max)).toEqual(expected);
  });
});
