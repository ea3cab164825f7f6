import type { TimeseriesPoint } from '@finops/reports';
import { describe, expect, it } from 'vitest';
import { buildCostChart } from './cost-chart.js';

/** A timeseries point with only the fields the chart reads set. */
function point(day: string, providerId: string, costUsd: number): TimeseriesPoint {
  return {
    day,
    provider_id: providerId,
    run_count: 1,
    tokens_in: 0,
    tokens_out: 0,
    cost_usd: costUsd,
    avg_latency_ms: 0,
    success_count: 1,
    unpriced_events: 0,
  };
}

// Plot area x 56–600, y 26 (top of the scale) – 256 (0 USD); the scale here is 0–10 USD.
const threeDays = [
  point('2025-10-01', 'b', 10),
  point('2025-10-01', 'a', 4),
  point('2025-10-02', 'a', 5),
  point('2025-10-03', 'a', 2.5),
  point('2025-10-03', 'b', 7.5),
];

describe('buildCostChart', () => {
  it('draws one series per provider in id order, a day without events at 0 USD', () => {
    const chart = buildCostChart(threeDays);

    expect(chart.days).toEqual(['2025-10-01', '2025-10-02', '2025-10-03']);
    const lines = chart.series.map((s) => [s.providerId, s.colour, s.dash, s.points]);
    expect(lines).toEqual([
      ['a', '#0072b2', '', '56,164 328,141 600,198.5'],
      ['b', '#d55e00', '', '56,26 328,256 600,83.5'],
    ]);
    expect(chart.series[1]?.markers).toEqual([
      { x: 56, y: 26, label: 'b, 2025-10-01: 10.00 USD' },
      { x: 328, y: 256, label: 'b, 2025-10-02: 0.00 USD' },
      { x: 600, y: 83.5, label: 'b, 2025-10-03: 7.50 USD' },
    ]);
  });

  it('writes a legend entry per series, one under the other', () => {
    const chart = buildCostChart(threeDays);

    expect(chart.series.map((series) => series.legend)).toEqual([
      { x1: 620, x2: 640, y: 34, textX: 648, textY: 38 },
      { x1: 620, x2: 640, y: 56, textX: 648, textY: 60 },
    ]);
  });

  it('labels every day and a USD scale in round steps', () => {
    const chart = buildCostChart(threeDays);

    expect(chart.xTicks).toEqual([
      { x: 56, label: '10-01' },
      { x: 328, label: '10-02' },
      { x: 600, label: '10-03' },
    ]);
    expect(chart.yTicks).toEqual([
      { y: 256, label: '$0' },
      { y: 210, label: '$2' },
      { y: 164, label: '$4' },
      { y: 118, label: '$6' },
      { y: 72, label: '$8' },
      { y: 26, label: '$10' },
    ]);
    expect(chart.xAxis).toEqual({ tickEnd: 261, labelY: 274, captionY: 292 });
    expect([chart.width, chart.height]).toEqual([760, 300]);
    expect(chart.description).toBe(
      'Daily cost in USD of 2 providers from 2025-10-01 to 2025-10-03, scale 0 to 10 USD.',
    );
  });

  it('centres a single day and labels every other day of a month', () => {
    const single = buildCostChart([point('2025-10-21', 'glm46', 8.7)]);
    const month = buildCostChart([point('2025-10-01', 'a', 1), point('2025-10-28', 'a', 1)]);

    expect(single.series[0]?.points).toBe('328,55.9');
    expect(single.yTicks.map((tick) => tick.label)).toEqual(['$0', '$2', '$4', '$6', '$8', '$10']);
    expect(month.days).toHaveLength(28);
    expect(month.xTicks.map((tick) => tick.label)).toEqual(
      ['01', '03', '05', '07', '09', '11', '13', '15', '17', '19', '21', '23', '25', '27'].map(
        (day) => `10-${day}`,
      ),
    );
  });

  it('dashes the lines of providers past the seven palette colours', () => {
    const providers = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];
    const chart = buildCostChart(providers.map((id) => point('2025-10-01', id, 1)));

    expect(chart.series.map((series) => series.dash)).toEqual(['', '', '', '', '', '', '', '6 3']);
    expect(chart.series[7]?.colour).toBe(chart.series[0]?.colour);
  });

  it('grows taller when the legend needs the room', () => {
    const providers = Array.from({ length: 13 }, (_, index) => `p${100 + index}`);
    const chart = buildCostChart(providers.map((id) => point('2025-10-01', id, 1)));

    expect(chart.series.at(-1)?.legend.y).toBe(298);
    expect(chart.height).toBe(320);
    expect(buildCostChart([]).series).toEqual([]);
  });
});
