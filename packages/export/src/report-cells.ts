import { formatPercent } from '@finops/reports';

// How the report page prints numbers. Report values already carry at most 6 decimals, so
// `toFixed(6)` is exact on them; grouping and signs are written out by hand so the text never
// depends on the machine's locale.

const MINUS = '\u2212';

/**
 * A USD amount with 2 to 6 decimals (trailing zeros past the second dropped) and grouped
 * thousands.
 *
 * @example formatUsd(1234.5) // '1,234.50'
 */
export function formatUsd(usd: number): string {
  const [whole = '0', fraction = ''] = Math.abs(usd).toFixed(6).split('.');
  const kept = fraction.replace(/0+$/, '').padEnd(2, '0');
  const text = `${groupDigits(whole)}.${kept}`;
  return usd < 0 && text !== '0.00' ? `${MINUS}${text}` : text;
}

/**
 * A USD change with its sign: `+7.50`, `−13.90`, `0.00`.
 *
 * @example formatSignedUsd(-13.9) // '−13.90'
 */
export function formatSignedUsd(usd: number): string {
  const text = formatUsd(usd);
  return usd > 0 ? `+${text}` : text;
}

/**
 * A change ratio as a signed percent with one decimal: `+14.6%`, `−6.9%`, `0.0%`.
 *
 * @example formatSignedPercent(-0.069031) // '−6.9%'
 */
export function formatSignedPercent(ratio: number): string {
  const text = formatPercent(ratio);
  if (ratio > 0) return `+${text}`;
  return ratio < 0 ? `${MINUS}${text}` : text;
}

/**
 * A number with grouped thousands and its decimals as they are, signed when asked: `72,120`,
 * `935.476`, `+2,060`, `−3,670`.
 *
 * @example formatNumber(-3670, { signed: true }) // '−3,670'
 */
export function formatNumber(value: number, options: { signed?: boolean } = {}): string {
  const [whole = '0', fraction] = String(Math.abs(value)).split('.');
  const text = fraction === undefined ? groupDigits(whole) : `${groupDigits(whole)}.${fraction}`;
  if (value < 0) return `${MINUS}${text}`;
  return options.signed === true && value > 0 ? `+${text}` : text;
}

function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
