import {
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Title,
  Tooltip,
} from 'chart.js';
import { Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { MetricPoint } from '../../../core/records';
import { useFormat } from '../../i18n/format';
import { formatCompact, formatDay } from '../../pages/resources/format';

// Chart.js is tree-shaken: only the pieces a daily line chart needs are registered.
ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Title, Tooltip, Legend);

export interface MetricSeries {
  label: string;
  points: MetricPoint[];
  color: string;
}

/**
 * Daily CloudWatch points as a line chart with labelled axes. Days are labelled in the viewer's
 * time zone and language; values use the language's number format.
 */
export function MetricChart({
  title,
  series,
  yTitle,
  max,
}: {
  title: string;
  series: MetricSeries[];
  yTitle: string;
  /** Fixed axis maximum (100 for percentages). */
  max?: number;
}) {
  const { t } = useTranslation();
  const { locale, number } = useFormat();
  // A series without points (e.g. no daily maximum published) would only clutter the legend.
  series = series.filter((s) => s.points.length > 0);
  const days = [...new Set(series.flatMap((s) => s.points.map((p) => p.t)))].sort();
  const hasData = days.length > 0;
  const data = {
    labels: days.map((day) => formatDay(locale, day)),
    datasets: series.map((s) => {
      const byDay = new Map(s.points.map((p) => [p.t, p.v]));
      return {
        label: s.label,
        data: days.map((day) => byDay.get(day) ?? null),
        borderColor: s.color,
        backgroundColor: s.color,
        pointRadius: 3,
        borderWidth: 2,
        tension: 0.25,
        spanGaps: true,
      };
    }),
  };
  return (
    <figure className="card shadow-sm mb-3 metric-chart" data-points={days.length}>
      <div className="card-body">
        <figcaption className="h6 mb-2">{title}</figcaption>
        {hasData ? (
          <div className="chart-box">
            <Line
              role="img"
              aria-label={title}
              data={data}
              options={{
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                interaction: { mode: 'index', intersect: false },
                plugins: {
                  legend: { position: 'bottom' },
                  tooltip: {
                    callbacks: {
                      label: (item) => `${item.dataset.label ?? ''}: ${number(Number(item.parsed.y))}`,
                    },
                  },
                },
                scales: {
                  x: { title: { display: true, text: t('resources.charts.day') } },
                  y: {
                    beginAtZero: true,
                    ...(max !== undefined ? { max } : {}),
                    title: { display: true, text: yTitle },
                    ticks: { callback: (value) => formatCompact(locale, Number(value)) },
                  },
                },
              }}
            />
          </div>
        ) : (
          <p className="text-body-secondary mb-0">{t('resources.charts.noData')}</p>
        )}
      </div>
    </figure>
  );
}
