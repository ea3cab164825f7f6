import type { TimeseriesPoint } from '@finops/reports';
import { DAY_MS, dayStartMs, formatDay } from '@finops/store';
import { formatUsd } from './report-cells.js';
import { computeUsdScale } from './usd-scale.js';

/** One provider's line: its points as an SVG `points` list, and a marker per day. */
export interface CostChartSeries {
  providerId: string;
  colour: string;
  /** `stroke-dasharray` value; empty for a solid line. */
  dash: string;
  points: string;
  /** A dot per day, with its value as a tooltip; none past two months of days. */
  markers: { x: number; y: number; label: string }[];
  legend: { x1: number; x2: number; y: number; textX: number; textY: number };
}

/** Geometry of the daily cost chart, in the units of its `viewBox`; every number is final. */
export interface CostChart {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** Every UTC day from the first to the last day with data, gaps included. */
  days: string[];
  /** Day tick marks end at `tickEnd`; labels sit on `labelY`, the axis caption on `captionY`. */
  xAxis: { tickEnd: number; labelY: number; captionY: number };
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  series: CostChartSeries[];
  description: string;
}

const WIDTH = 760;
const HEIGHT = 300;
const PLOT = { left: 56, right: 600, top: 26, bottom: 256 };
const LEGEND_X = 620;
const LEGEND_STEP = 22;
const MAX_DAY_LABELS = 14;
/** Past two months of days, dots would merge into the line; the line alone reads better. */
const MAX_MARKED_DAYS = 62;

/** Okabe–Ito colours: told apart with common colour-vision deficiencies, dark enough on white. */
const colours = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];
/** Past the palette, lines repeat its colours with a dash pattern so no two series look alike. */
const dashes = ['', '6 3', '2 3'];

/**
 * Lays out a line chart of daily cost per provider: one series per provider (in provider id
 * order), x = each UTC day from the first to the last point (a provider without events on a day
 * counts 0 USD), y = USD from 0 to a round top value. Unpriced events add nothing to a day.
 *
 * @example buildCostChart([]).series // []
 */
export function buildCostChart(points: readonly TimeseriesPoint[]): CostChart {
  const days = listDays(points);
  const providers = [...new Set(points.map((point) => point.provider_id))].sort();
  const key = (day: string, providerId: string) => `${day} ${providerId}`;
  const cost = new Map(points.map((point) => [key(point.day, point.provider_id), point.cost_usd]));
  const scale = computeUsdScale(points.reduce((max, point) => Math.max(max, point.cost_usd), 0));

  const span = PLOT.right - PLOT.left;
  const xOf = (index: number) =>
    round(PLOT.left + (days.length === 1 ? span / 2 : (index * span) / (days.length - 1)));
  const yOf = (usd: number) => round(PLOT.bottom - (usd / scale.top) * (PLOT.bottom - PLOT.top));

  const series = providers.map((providerId, index): CostChartSeries => {
    const dots = days.map((day, dayIndex) => {
      const usd = cost.get(key(day, providerId)) ?? 0;
      const label = `${providerId}, ${day}: ${formatUsd(usd)} USD`;
      return { x: xOf(dayIndex), y: yOf(usd), label };
    });
    const y = PLOT.top + 8 + index * LEGEND_STEP;
    return {
      providerId,
      colour: colours[index % colours.length] as string,
      dash: dashes[Math.floor(index / colours.length) % dashes.length] as string,
      points: dots.map((dot) => `${dot.x},${dot.y}`).join(' '),
      markers: days.length <= MAX_MARKED_DAYS ? dots : [],
      legend: { x1: LEGEND_X, x2: LEGEND_X + 20, y, textX: LEGEND_X + 28, textY: y + 4 },
    };
  });

  const every = Math.ceil(days.length / MAX_DAY_LABELS);
  const labelled = days.flatMap((day, index) => (index % every === 0 ? [{ day, index }] : []));
  return {
    width: WIDTH,
    height: Math.max(HEIGHT, PLOT.top + 8 + providers.length * LEGEND_STEP),
    plot: PLOT,
    days,
    xAxis: { tickEnd: PLOT.bottom + 5, labelY: PLOT.bottom + 18, captionY: PLOT.bottom + 36 },
    xTicks: labelled.map(({ day, index }) => ({ x: xOf(index), label: day.slice(5) })),
    yTicks: scale.ticks.map((tick) => ({ y: yOf(tick.value), label: tick.label })),
    series,
    description: describeChart(days, providers.length, scale.top),
  };
}

/** Longest span drawn day by day; past it only the days with data are drawn. */
const MAX_CONTINUOUS_DAYS = 1_100;

function listDays(points: readonly TimeseriesPoint[]): string[] {
  if (points.length === 0) return [];

  const sorted = [...new Set(points.map((point) => point.day))].sort();
  const first = dayStartMs(sorted[0] as string);
  const last = dayStartMs(sorted[sorted.length - 1] as string);
  if ((last - first) / DAY_MS >= MAX_CONTINUOUS_DAYS) return sorted;

  const days: string[] = [];
  for (let ms = first; ms <= last; ms += DAY_MS) days.push(formatDay(ms));
  return days;
}

function describeChart(days: string[], providerCount: number, top: number): string {
  if (days.length === 0) return 'No daily costs.';

  const lines = providerCount === 1 ? '1 provider' : `${providerCount} providers`;
  const range = `from ${days[0]} to ${days[days.length - 1]}`;
  return `Daily cost in USD of ${lines} ${range}, scale 0 to ${top} USD.`;
}

/** One decimal is finer than a pixel at any size the page shows the chart. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}
