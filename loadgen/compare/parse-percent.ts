/** Parses the percentages of `compare`'s flags: `10%` or the fraction `0.1`. */
import { badInput } from '../user-error.js';

/**
 * `text` as a fraction: `10%` -> 0.1, `2.5%` -> 0.025, `0.1` -> 0.1 (a bare number is a fraction, never a percent).
 * The result must lie in [min, max] (fractions); anything else is bad input naming `flag`.
 */
export function parsePercent(text: string, flag: string, bounds: { min: number; max: number; exclusive?: boolean }): number {
  const trimmed = text.trim();
  const match = /^(\d+(?:\.\d+)?|\.\d+)(%?)$/.exec(trimmed);
  const value = match === null ? Number.NaN : match[2] === '%' ? Number(match[1]) / 100 : Number(match[1]);
  // Rounded so that 7% is 0.07 and not 0.07000000000000001.
  const fraction = Number(value.toPrecision(12));
  const inside = bounds.exclusive === true ? fraction > bounds.min && fraction < bounds.max : fraction >= bounds.min && fraction <= bounds.max;
  if (!Number.isFinite(fraction) || !inside) {
    const range = `${bounds.exclusive === true ? 'between' : 'from'} ${bounds.min * 100}% ${bounds.exclusive === true ? 'and' : 'to'} ${bounds.max * 100}%`;
    throw badInput(`${flag} must be a percentage ${range}, e.g. 10% or 0.1 (got ${JSON.stringify(text)})`);
  }
  return fraction;
}
