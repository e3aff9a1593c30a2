import type { Finding } from '../core/findings.js';
import type { PriceBook } from '../core/prices.js';
import type { ServiceId } from '../core/services.js';
import type { SettingValues } from '../core/setting-values.js';
import type { Snapshot } from '../core/snapshot.js';
import { type AnyCheck, runCheckDefinitions } from './lib/run-checks.js';
import { InvalidCheckSettingsError, validateSettingsDocument } from './lib/settings.js';
import { allChecks } from './registry.js';

export { InvalidCheckSettingsError, resolveSettings, validateSettingsDocument } from './lib/settings.js';

export interface RunChecksOptions {
  snapshot: Snapshot;
  services?: ServiceId[];
  checkIds?: string[];
  /** checkId → setting name → value (the user's overrides of the defaults). */
  settings?: Record<string, SettingValues>;
  prices: PriceBook;
  now?: Date;
  /** Defaults to every discovered check; tests pass their own. */
  checks?: readonly AnyCheck[];
}

export class UnknownCheckError extends Error {
  constructor(public readonly checkIds: string[]) {
    super(`Unknown check id(s): ${checkIds.join(', ')}`);
    this.name = 'UnknownCheckError';
  }
}

/** The checks a run selects (by service and/or id). */
export function selectChecks(
  checks: readonly AnyCheck[],
  services?: readonly ServiceId[],
  checkIds?: readonly string[],
): AnyCheck[] {
  if (checkIds) {
    const known = new Set(checks.map((c) => c.id));
    const unknown = checkIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new UnknownCheckError(unknown);
  }
  return checks.filter(
    (c) => (!services || services.includes(c.service)) && (!checkIds || checkIds.includes(c.id)),
  );
}

/**
 * Runs the selected checks over a snapshot: one finding per check and evaluated resource, passes
 * included; missing or failed inputs become `unknown` findings. Throws InvalidCheckSettingsError
 * (bad overrides) or UnknownCheckError before evaluating anything.
 */
export function runChecks(options: RunChecksOptions): Finding[] {
  const checks = options.checks ?? allChecks;
  const problems = validateSettingsDocument(checks, options.settings ?? {});
  if (problems.length > 0) throw new InvalidCheckSettingsError(problems);
  const selected = selectChecks(checks, options.services, options.checkIds);
  return runCheckDefinitions(selected, options);
}
