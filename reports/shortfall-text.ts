/** The words every report uses for a schedule shortfall (loadgen/schedule/schedule-shortfall.ts), in one place. */
import type { ScheduleShortfall } from '../loadgen/schedule/schedule-shortfall.js';
import { formatInteger, formatSignificant } from './format.js';

/** E.g. "the load generator dropped 577 of 9,577 scheduled actions (6.02%): the load was lower than asked". */
export function describeShortfall(shortfall: ScheduleShortfall): string {
  const { droppedSlots, scheduledSlots } = shortfall;
  const of =
    scheduledSlots === undefined || scheduledSlots === 0
      ? ''
      : ` of ${formatInteger(scheduledSlots)}`;
  const share = scheduledSlots === undefined || scheduledSlots === 0 ? '' : ` (${formatSignificant((100 * droppedSlots) / scheduledSlots)}%)`;
  return `the load generator dropped ${formatInteger(droppedSlots)}${of} scheduled actions${share}: the load was lower than asked`;
}
