import { useTranslation } from 'react-i18next';
import type { MetricPoint } from '../../../core/records';
import { MetricChart } from '../../components/resources/MetricChart';
import type { CollectorId } from './collectors';
import type { Row } from './format';

const COLORS = { blue: '#2f5bd3', orange: '#d9480f', green: '#2b8a3e', purple: '#7048e8' };

type Color = keyof typeof COLORS;
/** One line of a chart: its label key under `resources.charts`, the metrics field, its colour. */
type SeriesSpec = readonly [label: string, field: string, color: Color];

/** One chart: title and axis keys under `resources.charts`, its lines, and options. */
interface ChartSpec {
  title: string;
  yTitle: string;
  series: readonly SeriesSpec[];
  /** Fixed axis maximum (100 for percentages). */
  max?: number;
  /** Shown instead of the chart when its first line has no points (memory needs the agent). */
  emptyNote?: string;
}

const chart = (
  title: string,
  yTitle: string,
  series: readonly SeriesSpec[],
  options: Pick<ChartSpec, 'max' | 'emptyNote'> = {},
): ChartSpec => ({ title, yTitle, series, ...options });

const CPU = chart(
  'cpu',
  'percent',
  [
    ['cpuAverage', 'cpuDailyAverage', 'blue'],
    ['cpuMaximum', 'cpuDailyMaximum', 'orange'],
  ],
  { max: 100 },
);
const NETWORK = chart('network', 'bytes', [
  ['networkIn', 'networkInDailySum', 'green'],
  ['networkOut', 'networkOutDailySum', 'purple'],
]);
const MEMORY = chart(
  'memory',
  'percent',
  [
    ['memoryAverage', 'memUsedDailyAverage', 'blue'],
    ['memoryMaximum', 'memUsedDailyMaximum', 'orange'],
  ],
  { max: 100, emptyNote: 'noMemory' },
);
const DB_CONNECTIONS = chart('dbConnections', 'connections', [
  ['dbConnections', 'connectionsDailyMaximum', 'green'],
]);
const INVOCATIONS = chart('invocations', 'count', [
  ['invocationsSum', 'invocationsDailySum', 'blue'],
  ['errorsSum', 'errorsDailySum', 'orange'],
]);
const DURATION = chart('duration', 'milliseconds', [
  ['durationMaximum', 'durationDailyMaximum', 'purple'],
  ['durationAverage', 'durationDailyAverage', 'green'],
]);

/** The charts each collector's resources show, and the grid column class of one chart. */
const CHARTS: Partial<Record<CollectorId, { column: string; charts: ChartSpec[] }>> = {
  'ec2.instances': { column: 'col-lg-6 col-xl-4', charts: [CPU, NETWORK, MEMORY] },
  'rds.instances': { column: 'col-lg-6', charts: [CPU, DB_CONNECTIONS] },
  'lambda.functions': { column: 'col-lg-6', charts: [INVOCATIONS, DURATION] },
};

/** Metric arrays of a metrics record; anything malformed is dropped rather than drawn wrong. */
function points(row: Row, field: string): MetricPoint[] {
  const value = row[field];
  if (!Array.isArray(value)) return [];
  return value.filter(
    (p): p is MetricPoint =>
      Boolean(p) && typeof (p as MetricPoint).t === 'string' && typeof (p as MetricPoint).v === 'number',
  );
}

/** The charts of one resource: EC2 CPU/network/memory, RDS CPU/connections, Lambda usage. */
export function MetricsSection({ collector, metrics }: { collector: CollectorId; metrics: Row }) {
  const { t } = useTranslation();
  const c = (key: string) => t(`resources.charts.${key}`);
  const layout = CHARTS[collector];
  if (!layout) return null;
  return (
    <div className="row g-3">
      {layout.charts.map((chart) => {
        const series = chart.series.map(([label, field, color]) => ({
          label: c(label),
          points: points(metrics, field),
          color: COLORS[color],
        }));
        const empty = chart.emptyNote !== undefined && (series[0]?.points.length ?? 0) === 0;
        return (
          <div className={layout.column} key={chart.title}>
            {empty && chart.emptyNote ? (
              <p className="small text-body-secondary">{c(chart.emptyNote)}</p>
            ) : (
              <MetricChart title={c(chart.title)} yTitle={c(chart.yTitle)} max={chart.max} series={series} />
            )}
          </div>
        );
      })}
    </div>
  );
}
