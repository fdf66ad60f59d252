import { Box, Text } from 'ink';
import type { LivePhase, LivePhaseStatus } from '../../loadgen/live-state.js';
import { cell, formatClockMs, progressBar } from './text-cells.js';

const PHASE_MARK: Record<LivePhaseStatus, string> = { pending: '·', running: '▶', done: '✓', cut: '✂' };
const PHASE_COLOR: Record<LivePhaseStatus, string> = { pending: 'gray', running: 'green', done: 'cyan', cut: 'yellow' };

/** Props of {@link PhaseLine}. */
export interface PhaseLineProps {
  phase: LivePhase;
  /** Run time now, ms since the start: places the running phase's bar. */
  elapsedMs: number;
  /** Terminal columns available. */
  width: number;
}

/** How far into `phase` the run is at `elapsedMs`, 0..1 (1 for a finished phase). */
export function phaseFraction(phase: LivePhase, elapsedMs: number): number {
  switch (phase.status) {
    case 'pending':
      return 0;
    case 'done':
      return 1;
    case 'running':
    case 'cut':
      return phase.durationMs <= 0 ? 1 : Math.min(1, Math.max(0, (elapsedMs - phase.startMs) / phase.durationMs));
  }
}

/** One phase: mark, name, kind, a progress bar and time done / planned, plus time left while it runs. */
export function PhaseLine({ phase, elapsedMs, width }: PhaseLineProps) {
  const fraction = phaseFraction(phase, elapsedMs);
  // Mark, name and kind take 30 columns, the times about 24; the bar gets the rest, within 10..40 columns.
  const barWidth = Math.min(40, Math.max(10, width - 58));
  const doneMs = fraction * phase.durationMs;
  const leftMs = phase.durationMs - doneMs;
  return (
    <Text wrap="truncate-end">
      <Text color={PHASE_COLOR[phase.status]}>{PHASE_MARK[phase.status]}</Text> {cell(phase.name, 16)} <Text dimColor>{cell(phase.kind, 10)}</Text>{' '}
      <Text color={PHASE_COLOR[phase.status]}>{progressBar(fraction, barWidth)}</Text> {formatClockMs(doneMs)}/{formatClockMs(phase.durationMs)}
      {phase.status === 'running' ? `  ${formatClockMs(leftMs)} left` : ''}
      {phase.status === 'cut' ? '  cut' : ''}
    </Text>
  );
}

/** Props of {@link PhaseList}. */
export interface PhaseListProps {
  phases: readonly LivePhase[];
  elapsedMs: number;
  width: number;
  /** Most lines to use (the running phase comes first). Default: every open phase. */
  maxLines?: number;
}

/** The phases that are running or pending; finished ones are printed once above the dashboard by <Static>. */
export function PhaseList({ phases, elapsedMs, width, maxLines = Number.POSITIVE_INFINITY }: PhaseListProps) {
  const open = phases.filter((phase) => phase.status === 'running' || phase.status === 'pending').slice(0, maxLines);
  if (open.length === 0) return null;
  return (
    <Box flexDirection="column">
      {open.map((phase) => (
        <PhaseLine key={`${phase.name}@${phase.startMs}`} phase={phase} elapsedMs={elapsedMs} width={width} />
      ))}
    </Box>
  );
}
