import type { MetricPoint } from '../../core/records.js';

const DAY_MS = 86_400_000;

/** Points whose period starts within the `days` days before `now`. */
export function lastDays(points: readonly MetricPoint[], now: Date, days: number): MetricPoint[] {
  const from = now.getTime() - days * DAY_MS;
  return points.filter((p) => {
    const t = Date.parse(p.t);
    return t >= from && t <= now.getTime();
  });
}

/** Daily values keyed by UTC day (YYYY-MM-DD), so several metrics can be joined per day. */
export function byDay(points: readonly MetricPoint[]): Map<string, number> {
  return new Map(points.map((p) => [p.t.slice(0, 10), p.v]));
}

export function maxOf(points: readonly MetricPoint[]): number | undefined {
  return points.length === 0 ? undefined : Math.max(...points.map((p) => p.v));
}

/** Whole days between two instants (floor). */
export function daysBetween(from: string | Date, to: Date): number {
  return Math.floor((to.getTime() - new Date(from).getTime()) / DAY_MS);
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;
