/**
 * When each threshold was seen breached, in whole seconds since the run start: the first and the last second.
 * The coordinator records a breach at each evaluation (about once a second, and once at the end), so a threshold
 * that held at the end but not throughout reads "breached 10s–14s", not a bare pass.
 */

/** The first and last second a threshold was seen breached. */
export interface BreachSpan {
  firstSec: number;
  lastSec: number;
}

export class BreachTimes {
  private readonly spans = new Map<string, BreachSpan>();

  /** Notes that `expression` was breached at `atSec` (seconds since start; evaluations come in time order). */
  record(expression: string, atSec: number): void {
    const span = this.spans.get(expression);
    if (span === undefined) this.spans.set(expression, { firstSec: atSec, lastSec: atSec });
    else span.lastSec = Math.max(span.lastSec, atSec);
  }

  /** The span of `expression`'s breaches, or undefined if it was never breached. */
  of(expression: string): BreachSpan | undefined {
    const span = this.spans.get(expression);
    return span === undefined ? undefined : { ...span };
  }
}
