import { Cron } from 'croner';
import { NotifyError } from '../notify/errors.js';

/** Scans are heavy: two scheduled runs of one schedule are at least this far apart. */
export const MIN_INTERVAL_MINUTES = 15;
export const PREVIEW_RUNS = 5;

/** Presets the UI offers (09:00 in the schedule's time zone). */
export const CRON_PRESETS = { daily: '0 9 * * *', weekly: '0 9 * * 1', monthly: '0 9 1 * *' } as const;

function parse(cron: string, timeZone: string): Cron {
  if (cron.trim().split(/\s+/).length !== 5)
    throw new NotifyError(
      'invalid_cron',
      'A cron expression has five fields: minute hour day month weekday',
      {
        cron: 'invalid_cron',
      },
    );
  try {
    return new Cron(cron, { timezone: timeZone, paused: true });
  } catch (error) {
    throw new NotifyError(
      'invalid_cron',
      `Invalid cron expression: ${(error as Error).message}`.slice(0, 300),
      {
        cron: 'invalid_cron',
      },
    );
  }
}

/** Throws NotifyError('invalid_cron') for a bad expression or one that runs too often. */
export function validateCron(cron: string, timeZone: string, from: Date): void {
  const [first, second] = parse(cron, timeZone).nextRuns(2, from);
  if (!first)
    throw new NotifyError('invalid_cron', 'The cron expression never runs', { cron: 'invalid_cron' });
  if (second && second.getTime() - first.getTime() < MIN_INTERVAL_MINUTES * 60_000)
    throw new NotifyError('invalid_cron', `Runs must be at least ${MIN_INTERVAL_MINUTES} minutes apart`, {
      cron: 'invalid_cron',
    });
}

export function nextRuns(cron: string, timeZone: string, from: Date, count = PREVIEW_RUNS): Date[] {
  return parse(cron, timeZone).nextRuns(count, from);
}

/** The latest tick at or before `at`, or null. */
export function latestTick(cron: string, timeZone: string, at: Date): Date | null {
  return parse(cron, timeZone).previousRuns(1, new Date(at.getTime() + 1))[0] ?? null;
}
