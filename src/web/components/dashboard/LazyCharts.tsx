import { type ComponentProps, Suspense } from 'react';
import { lazyNamed } from '../../lazyNamed';
import type * as Charts from './Charts';

// Chart.js is the biggest library of the first screen: it loads beside the dashboard's data, not
// before its first paint. The placeholder keeps the card's height so nothing jumps.
const load = () => import('./Charts');
const LazyBar = lazyNamed(load, 'BarChart');
const LazyDoughnut = lazyNamed(load, 'DoughnutChart');
const LazyLine = lazyNamed(load, 'LineChart');

const placeholder = <div className="chart-placeholder" style={{ minHeight: 220 }} aria-hidden="true" />;

export function BarChart(props: ComponentProps<typeof Charts.BarChart>) {
  return (
    <Suspense fallback={placeholder}>
      <LazyBar {...props} />
    </Suspense>
  );
}

export function DoughnutChart(props: ComponentProps<typeof Charts.DoughnutChart>) {
  return (
    <Suspense fallback={placeholder}>
      <LazyDoughnut {...props} />
    </Suspense>
  );
}

export function LineChart(props: ComponentProps<typeof Charts.LineChart>) {
  return (
    <Suspense fallback={placeholder}>
      <LazyLine {...props} />
    </Suspense>
  );
}
