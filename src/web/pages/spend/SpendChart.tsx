import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { SpendResponse } from '../../../shared/api/spend';
import { useFormat } from '../../i18n/format';

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Groups drawn one by one; the rest are summed into "Other" so the legend stays readable. */
const SHOWN_GROUPS = 6;
const COLORS = ['#2f5bd3', '#20a67a', '#e0a800', '#d9534f', '#6f42c1', '#17a2b8', '#adb5bd'];

/**
 * The months as stacked bars, one colour per group. The canvas is an image named by its title;
 * the table under it has every figure, so screen readers read that instead.
 */
export function SpendChart({
  data,
  title,
  label,
}: {
  data: SpendResponse;
  title: string;
  label: (key: string) => string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const shown = data.rows.slice(0, SHOWN_GROUPS);
  const rest = data.rows.slice(SHOWN_GROUPS);
  const datasets = shown.map((row, i) => ({
    label: label(row.key),
    data: row.amounts,
    backgroundColor: COLORS[i % COLORS.length],
  }));
  if (rest.length > 0)
    datasets.push({
      label: t('spend.chartOthers'),
      data: data.months.map((_, m) => rest.reduce((sum, r) => sum + (r.amounts[m] ?? 0), 0)),
      backgroundColor: COLORS[COLORS.length - 1],
    });
  return (
    <figure className="mb-0">
      <figcaption className="h6 mb-2">{title}</figcaption>
      <div className="chart-box">
        <Bar
          role="img"
          aria-label={title}
          data={{ labels: data.months.map((m) => m.month), datasets }}
          options={{
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            locale: fmt.locale,
            plugins: {
              legend: { position: 'bottom', labels: { boxWidth: 12 } },
              tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${fmt.usd(Number(c.raw))}` } },
            },
            scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
          }}
        />
      </div>
    </figure>
  );
}
