/**
 * Which regions a collection covers: an explicit list or every enabled region, checked against
 * EC2 DescribeRegions(AllRegions=true) so regions that are not opted in are skipped with a reason
 * instead of failing every collector there.
 */
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { ClientFactory } from '../aws/clients.js';
import { partitionOf } from '../core/regions.js';
import { DEFAULT_REGIONS } from '../core/services.js';
import type { CollectionError, SkipReasonCode } from '../core/snapshot.js';
import { describeError } from './errors.js';

export interface ResolvedRegions {
  regions: string[];
  skipped: { region: string; reason: SkipReasonCode }[];
  errors: CollectionError[];
}

const REGION_NAME = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d{1,2}$/;

export async function resolveRegions(
  factory: ClientFactory,
  requested: string[] | 'all-enabled',
  homeRegion: string,
): Promise<ResolvedRegions> {
  const skipped: ResolvedRegions['skipped'] = [];
  const errors: CollectionError[] = [];
  let optIn: Map<string, string> | undefined;
  try {
    const ec2 = factory.get(EC2Client, homeRegion);
    const answer = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
    // DescribeRegions answers for the caller's partition on AWS; emulators list every partition.
    const partition = partitionOf(homeRegion);
    optIn = new Map(
      (answer.Regions ?? [])
        .filter((r) => r.RegionName && partitionOf(r.RegionName) === partition)
        .map((r) => [r.RegionName as string, r.OptInStatus ?? 'opt-in-not-required']),
    );
  } catch (error) {
    errors.push({ service: 'ec2', region: homeRegion, ...describeError(error, 'DescribeRegions') });
  }
  const enabled = (status: string | undefined) => status === 'opt-in-not-required' || status === 'opted-in';

  if (requested === 'all-enabled') {
    if (!optIn) return { regions: [...DEFAULT_REGIONS], skipped, errors };
    const regions: string[] = [];
    for (const [region, status] of [...optIn.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (enabled(status)) regions.push(region);
      else skipped.push({ region, reason: 'not-opted-in' });
    }
    return { regions, skipped, errors };
  }

  const regions: string[] = [];
  for (const region of new Set(requested)) {
    if (!REGION_NAME.test(region)) skipped.push({ region, reason: 'unknown-region' });
    else if (!optIn) regions.push(region);
    else if (!optIn.has(region)) skipped.push({ region, reason: 'unknown-region' });
    else if (!enabled(optIn.get(region))) skipped.push({ region, reason: 'not-opted-in' });
    else regions.push(region);
  }
  return { regions, skipped, errors };
}
