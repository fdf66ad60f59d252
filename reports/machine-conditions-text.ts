/** The words every report uses for the machine's state during a run (RunResult.conditions). */
import type { MachineConditions } from '../loadgen/run-result.js';

/** E.g. ["calibration 5.1 ms before, 5.3 ms after", "load average 1.85 (max 2.40)", "steal 0.0%", "load generator saturated 0 s"]. */
export function machineConditionsItems(conditions: MachineConditions): string[] {
  const items = [
    `calibration ${conditions.calibrationBeforeMs.toFixed(1)} ms before, ${conditions.calibrationAfterMs.toFixed(1)} ms after`,
    `load average ${conditions.loadAverageMean.toFixed(2)} (max ${conditions.loadAverageMax.toFixed(2)})`,
  ];
  if (conditions.stealFraction !== undefined) items.push(`steal ${(conditions.stealFraction * 100).toFixed(1)}%`);
  items.push(`load generator saturated ${conditions.saturatedSeconds} s`);
  return items;
}
