/**
 * The shape of one chart of the HTML reports as plain data (its series, axes and units), and the builder that
 * turns per-second points into downsampled, rounded series. The report's and the capacity page's charts use both.
 */
import { aggregate, roundForChart, type Aggregation, type Bucket } from './downsample.js';

/** Unit of a y axis; the page formats tick labels by it. */
export type AxisUnit = 'ms' | 'count' | 'perSec' | 'percent' | 'MiB';

/** One line of a chart. */
export interface ChartSeries {
  label: string;
  color: string;
  /** Index into the chart's `axes`: 0 left, 1 right. */
  axis: 0 | 1;
  dash?: boolean;
  values: (number | null)[];
}

/** One chart: its x values ('time' means the report's shared `timeSec`), y axes and series. */
export interface ChartSpec {
  id: string;
  section: 'traffic' | 'latency' | 'distribution' | 'fanout' | 'server';
  title: string;
  note?: string;
  xKind: 'time' | 'percentile';
  x: 'time' | number[];
  axes: { label: string; unit: AxisUnit }[];
  series: ChartSeries[];
}

const COLORS = ['#2f6fde', '#e0782f', '#2a9d5c', '#c23b3b', '#8a56c2', '#8c6d31', '#d84e9a', '#5f6b7a'] as const;

/** The palette colour of series `index`, cycling through COLORS. */
export function color(index: number): string {
  return COLORS[index % COLORS.length] ?? '#2f6fde';
}

/** µs to ms for a chart; null where there is no value. */
export function usToMs(valueUs: number | undefined): number | null {
  return valueUs === undefined ? null : valueUs / 1000;
}

/** Series over `points`, each aggregated into `buckets` (downsample.ts). */
export class SeriesBuilder<T> {
  constructor(
    private readonly points: readonly T[],
    private readonly buckets: readonly Bucket[],
  ) {}

  series(label: string, index: number, pick: (point: T) => number | null | undefined, how: Aggregation, extra: Partial<ChartSeries> = {}): ChartSeries {
    const raw = this.points.map((point) => pick(point) ?? null);
    return { label, color: color(index), axis: 0, values: aggregate(raw, this.buckets, how).map((value) => roundForChart(value)), ...extra };
  }

  /** 100 × part / whole of each bucket's sums (a share is not averaged); null where whole is 0. */
  percentOf(label: string, index: number, part: (point: T) => number, whole: (point: T) => number, extra: Partial<ChartSeries> = {}): ChartSeries {
    const values = this.buckets.map(({ start, end }) => {
      let partSum = 0;
      let wholeSum = 0;
      for (const point of this.points.slice(start, end)) {
        partSum += part(point);
        wholeSum += whole(point);
      }
      return wholeSum === 0 ? null : roundForChart((100 * partSum) / wholeSum, 4);
    });
    return { label, color: color(index), axis: 0, values, ...extra };
  }
}
