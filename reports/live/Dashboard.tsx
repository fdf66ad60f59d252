import { Box, Static, Text } from 'ink';
import type { LiveRunStatus, LivePhase, LiveState } from '../../loadgen/live-state.js';
import { ErrorList } from './ErrorList.js';
import { Header } from './Header.js';
import { LatencyTable } from './LatencyTable.js';
import { PhaseLine, PhaseList } from './PhaseList.js';
import { ServerPanel } from './ServerPanel.js';
import { TrendLines } from './Sparkline.js';
import { ThresholdList } from './ThresholdList.js';
import { activeMetrics } from './LatencyTable.js';
import { trendMetric } from './Sparkline.js';
import { layoutPanels } from './dashboard-layout.js';
import { TrafficPanel } from './TrafficPanel.js';

/** Props of {@link Dashboard}. */
export interface DashboardProps {
  state: LiveState;
  /** Terminal columns; every line is cut to it, never wrapped. */
  width: number;
  /** Terminal rows: the frame below the finished phases stays shorter than this (dashboard-layout.ts). Default 24. */
  height?: number;
  /** True once the user asked to stop: shows 'stopping' before the coordinator's next snapshot says so. */
  stopRequested?: boolean;
}

/** The status to show: a stop request turns a running run into 'stopping' at once. */
export function shownStatus(state: LiveState, stopRequested: boolean): LiveRunStatus {
  return stopRequested && state.status === 'running' ? 'stopping' : state.status;
}

function statusLine(status: LiveRunStatus, message: string | undefined): string {
  switch (status) {
    case 'running':
      return message ?? 'press q or Ctrl-C to stop gracefully (the result is still written)';
    case 'stopping':
      return `stopping: finishing phases and writing the result${message === undefined ? '' : ` (${message})`}`;
    case 'finished':
      return message ?? 'finished';
    case 'interrupted':
      return message ?? 'interrupted: the result holds the phases that ran';
  }
}

/**
 * The live dashboard of a run. It renders the snapshot it is given and nothing else: finished phases are
 * printed once above it (<Static>), then the header, open phases, traffic, latency, trends, errors, server
 * and thresholds panels, and a status line.
 */
export function Dashboard({ state, width, height = 24, stopRequested = false }: DashboardProps) {
  const status = shownStatus(state, stopRequested);
  const finished = state.phases.filter((phase) => phase.status === 'done' || phase.status === 'cut');
  const latency = state.latencySoFar ?? state.latest?.latency ?? {};
  const rows = layoutPanels(
    {
      phases: state.phases.length - finished.length,
      latencyMetrics: activeMetrics(latency).length,
      thresholds: state.thresholds.length,
      errorKinds: Object.keys(state.errors).length,
      server: state.server !== undefined,
      trends: trendMetric(state.history) === undefined ? 1 : 2,
    },
    height,
  );
  return (
    <>
      <Static items={finished}>
        {(phase: LivePhase) => (
          <Box key={`${phase.name}@${phase.startMs}`} width={width}>
            <PhaseLine phase={phase} elapsedMs={state.elapsedMs} width={width} />
          </Box>
        )}
      </Static>
      <Box flexDirection="column" width={width}>
        <Header state={state} status={status} />
        <PhaseList phases={state.phases} elapsedMs={state.elapsedMs} width={width} maxLines={rows.phases} />
        <TrafficPanel state={state} />
        <LatencyTable latency={latency} scope={state.latencySoFar === undefined ? 'last 1s' : 'so far'} maxMetrics={rows.latencyMetrics} />
        <TrendLines history={state.history} width={width} maxLines={rows.trends} />
        <ErrorList errors={state.errors} maxRows={rows.errorRows} />
        {state.server === undefined || !rows.server ? null : <ServerPanel sample={state.server} />}
        <ThresholdList thresholds={state.thresholds} maxLines={rows.thresholds} />
        <Text wrap="truncate-end" color={status === 'running' ? 'gray' : 'yellow'}>
          {statusLine(status, state.message)}
        </Text>
      </Box>
    </>
  );
}
