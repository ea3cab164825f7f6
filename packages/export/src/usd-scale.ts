/** A value axis from 0 to `top` USD in equal round steps, each tick with its label. */
export interface UsdScale {
  top: number;
  ticks: { value: number; label: string }[];
}

/** Round step multipliers: a step is one of these times a power of ten. */
const multipliers = [1, 2, 2.5, 5];
const MAX_STEPS = 5;

/**
 * Picks a round USD scale for values up to `max`: at most five equal steps of 1, 2, 2.5 or 5
 * times a power of ten, ending at the first step at or above `max`. Labels carry as many
 * decimals as the step needs (`$2.5`, `$0.25`) and no binary noise. A `max` of 0 gives 0–1.
 *
 * @example computeUsdScale(10.1).ticks.map((tick) => tick.label) // ['$0.0', '$2.5', … '$12.5']
 */
export function computeUsdScale(max: number): UsdScale {
  const target = max > 0 && Number.isFinite(max) ? max : 1;
  const least = target / MAX_STEPS;
  let exponent = Math.floor(Math.log10(least));
  // The small tolerance keeps 10 / 5 = 2 from reading as a hair above 2 after the division.
  let multiplier = multipliers.find((m) => m * 10 ** exponent >= least * (1 - 1e-12));
  if (multiplier === undefined) {
    multiplier = 1;
    exponent += 1;
  }
  const step = multiplier * 10 ** exponent;
  const count = Math.ceil(target / step - 1e-9);
  const decimals = Math.max(0, -exponent + (multiplier === 2.5 ? 1 : 0));

  const ticks = Array.from({ length: count + 1 }, (_, index) => {
    const value = Number((index * step).toFixed(decimals));
    return { value, label: `$${value.toFixed(decimals)}` };
  });
  return { top: ticks[count]?.value ?? target, ticks };
}
