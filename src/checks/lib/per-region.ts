/**
 * "Per region" checks (CHECKS.md): one finding per scanned region where the collector succeeded,
 * resource `<service>@<region>`, judged from that region's records (possibly none). Regions where
 * the collector failed get the engine's `unknown` instead.
 */
import type { CollectorId, RecordKinds } from '../../core/records.js';
import type { CheckContext, FindingDraft } from '../types.js';
import type { Verdict } from './per-resource.js';
import { collectorGaps } from './run-checks.js';

export function perRegion<K extends CollectorId>(
  ctx: Pick<CheckContext, 'records' | 'snapshot'>,
  kind: K,
  resource: { service: string; name: string },
  judge: (records: RecordKinds[K][], region: string) => Verdict,
): FindingDraft[] {
  const { metadata } = ctx.snapshot;
  const failed = new Set(collectorGaps(metadata, kind).map((g) => g.region));
  const skipped = new Set((metadata.skippedRegions ?? []).map((s) => s.region));
  const records = ctx.records(kind);
  return metadata.regions
    .filter((region) => !failed.has(region) && !skipped.has(region))
    .map((region) => ({
      resourceId: `${resource.service}@${region}`,
      resourceName: `${resource.name} (${region})`,
      region,
      ...judge(
        records.filter((r) => r.region === region),
        region,
      ),
    }));
}
