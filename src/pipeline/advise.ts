/** Step 3: every selected check over one snapshot (pure: no AWS, no storage). */
import { runChecks } from '../checks/engine.js';
import type { AnyCheck } from '../checks/lib/run-checks.js';
import type { Finding } from '../core/findings.js';
import type { PriceBook } from '../core/prices.js';
import type { ServiceId } from '../core/services.js';
import type { SettingValues } from '../core/setting-values.js';
import type { Snapshot } from '../core/snapshot.js';

export function adviseSnapshot(options: {
  snapshot: Snapshot;
  services: ServiceId[];
  prices: PriceBook;
  settings?: Record<string, SettingValues>;
  checks?: readonly AnyCheck[];
}): Finding[] {
  return runChecks({
    snapshot: options.snapshot,
    services: options.services,
    prices: options.prices,
    // Findings are as of the collection (idle-for-N-days checks must not drift with the clock).
    now: new Date(options.snapshot.collectedAt),
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.checks ? { checks: options.checks } : {}),
  });
}
