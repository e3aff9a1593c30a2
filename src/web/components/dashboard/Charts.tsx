import {
  ArcElement,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useId } from 'react';
import { Bar, Doughnut, Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

ChartJS.register(
  ArcElement,
  BarElement,
  CategoryScale,
  Filler,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);
ChartJS.defaults.font.family = '"Pretendard Variable", Pretendard, system-ui, sans-serif';

export interface Series {
  labels: string[];
  values: number[];
  colors?: string[];
}

/**
 * A canvas is invisible to screen readers: each chart is an img named by its title, and the same
 * numbers are in a visually hidden table right after it.
 */
function ChartFrame({
  title,
  series,
  small,
  children,
}: {
  title: string;
  series: Series;
  small?: boolean;
  children: (label: string) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = useId();
  return (
    <figure className="mb-0" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="h6 mb-2">
        {title}
      </figcaption>
      <div className={small ? 'chart-box-sm' : 'chart-box'}>{children(title)}</div>
      <table className="visually-hidden">
        <caption>{t('dashboard.chartTable', { title })}</caption>
        <tbody>
          {series.labels.map((label, i) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{fmt.number(series.values[i] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

// Animations off: charts appear at once (and screenshots never catch them half drawn).
const BASE = { responsive: true, maintainAspectRatio: false, animation: false } as const;

export function BarChart({
  title,
  series,
  horizontal,
  color = '#2f5bd3',
}: {
  title: string;
  series: Series;
  horizontal?: boolean;
  color?: string;
}) {
  const { locale } = useFormat();
  return (
    <ChartFrame title={title} series={series}>
      {(label) => (
        <Bar
          role="img"
          aria-label={label}
          data={{
            labels: series.labels,
            datasets: [
              { label, data: series.values, backgroundColor: series.colors ?? color, borderRadius: 4 },
            ],
          }}
          options={{
            ...BASE,
            locale,
            indexAxis: horizontal ? 'y' : 'x',
            plugins: { legend: { display: false } },
            scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
          }}
        />
      )}
    </ChartFrame>
  );
}

export function DoughnutChart({ title, series }: { title: string; series: Series }) {
  const { locale } = useFormat();
  return (
    <ChartFrame title={title} series={series}>
      {(label) => (
        <Doughnut
          role="img"
          aria-label={label}
          data={{
            labels: series.labels,
            datasets: [{ label, data: series.values, backgroundColor: series.colors, borderWidth: 1 }],
          }}
          options={{ ...BASE, locale, cutout: '60%', plugins: { legend: { position: 'right' } } }}
        />
      )}
    </ChartFrame>
  );
}

export function LineChart({
  title,
  series,
  max,
  color = '#2f5bd3',
}: {
  title: string;
  series: Series;
  max?: number;
  color?: string;
}) {
  const { locale } = useFormat();
  return (
    <ChartFrame title={title} series={series} small>
      {(label) => (
        <Line
          role="img"
          aria-label={label}
          data={{
            labels: series.labels,
            datasets: [
              {
                label,
                data: series.values,
                borderColor: color,
                backgroundColor: `${color}33`,
                fill: true,
                tension: 0.25,
                pointRadius: 3,
              },
            ],
          }}
          options={{
            ...BASE,
            locale,
            plugins: { legend: { display: false } },
            scales: {
              y: { beginAtZero: true, ...(max !== undefined ? { max } : {}), ticks: { precision: 0 } },
            },
          }}
        />
      )}
    </ChartFrame>
  );
}
