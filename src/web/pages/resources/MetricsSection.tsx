import { useTranslation } from 'react-i18next';
import type { MetricPoint } from '../../../core/records';
import { MetricChart } from '../../components/resources/MetricChart';
import type { CollectorId } from './collectors';
import type { Row } from './format';

const COLORS = { blue: '#2f5bd3', orange: '#d9480f', green: '#2b8a3e', purple: '#7048e8' };

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
  if (collector === 'ec2.instances') {
    const memory = points(metrics, 'memUsedDailyAverage');
    return (
      <div className="row g-3">
        <div className="col-lg-6 col-xl-4">
          <MetricChart
            title={c('cpu')}
            yTitle={c('percent')}
            max={100}
            series={[
              { label: c('cpuAverage'), points: points(metrics, 'cpuDailyAverage'), color: COLORS.blue },
              { label: c('cpuMaximum'), points: points(metrics, 'cpuDailyMaximum'), color: COLORS.orange },
            ]}
          />
        </div>
        <div className="col-lg-6 col-xl-4">
          <MetricChart
            title={c('network')}
            yTitle={c('bytes')}
            series={[
              { label: c('networkIn'), points: points(metrics, 'networkInDailySum'), color: COLORS.green },
              { label: c('networkOut'), points: points(metrics, 'networkOutDailySum'), color: COLORS.purple },
            ]}
          />
        </div>
        <div className="col-lg-6 col-xl-4">
          {memory.length > 0 ? (
            <MetricChart
              title={c('memory')}
              yTitle={c('percent')}
              max={100}
              series={[
                { label: c('memoryAverage'), points: memory, color: COLORS.blue },
                {
                  label: c('memoryMaximum'),
                  points: points(metrics, 'memUsedDailyMaximum'),
                  color: COLORS.orange,
                },
              ]}
            />
          ) : (
            <p className="small text-body-secondary">{c('noMemory')}</p>
          )}
        </div>
      </div>
    );
  }
  if (collector === 'rds.instances') {
    return (
      <div className="row g-3">
        <div className="col-lg-6">
          <MetricChart
            title={c('cpu')}
            yTitle={c('percent')}
            max={100}
            series={[
              { label: c('cpuAverage'), points: points(metrics, 'cpuDailyAverage'), color: COLORS.blue },
              { label: c('cpuMaximum'), points: points(metrics, 'cpuDailyMaximum'), color: COLORS.orange },
            ]}
          />
        </div>
        <div className="col-lg-6">
          <MetricChart
            title={c('dbConnections')}
            yTitle={c('connections')}
            series={[
              {
                label: c('dbConnections'),
                points: points(metrics, 'connectionsDailyMaximum'),
                color: COLORS.green,
              },
            ]}
          />
        </div>
      </div>
    );
  }
  if (collector === 'lambda.functions') {
    return (
      <div className="row g-3">
        <div className="col-lg-6">
          <MetricChart
            title={c('invocations')}
            yTitle={c('count')}
            series={[
              {
                label: c('invocationsSum'),
                points: points(metrics, 'invocationsDailySum'),
                color: COLORS.blue,
              },
              { label: c('errorsSum'), points: points(metrics, 'errorsDailySum'), color: COLORS.orange },
            ]}
          />
        </div>
        <div className="col-lg-6">
          <MetricChart
            title={c('duration')}
            yTitle={c('milliseconds')}
            series={[
              {
                label: c('durationMaximum'),
                points: points(metrics, 'durationDailyMaximum'),
                color: COLORS.purple,
              },
              {
                label: c('durationAverage'),
                points: points(metrics, 'durationDailyAverage'),
                color: COLORS.green,
              },
            ]}
          />
        </div>
      </div>
    );
  }
  return null;
}
