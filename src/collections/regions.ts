import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { knownRegions, type Partition, partitionOf } from '../core/regions.js';
import { DEFAULT_REGIONS } from '../core/services.js';
import type { ResolveCredentials, ResolvedAccess } from './types.js';

export interface RegionChoice {
  name: string;
  optInStatus?: string;
  enabled: boolean;
}

export interface RegionsAnswer {
  regions: RegionChoice[];
  source: 'aws' | 'fallback';
  /** The account's partition: only its regions are listed (never China or GovCloud for `aws`). */
  partition: Partition;
  /** The region the server talks to AWS from: the one a form proposes first. */
  homeRegion: string;
}

const fallback = (homeRegion: string): RegionsAnswer => {
  const partition = partitionOf(homeRegion);
  const names = partition === 'aws' ? [...DEFAULT_REGIONS] : knownRegions(partition);
  return {
    regions: names.map((name) => ({ name, enabled: true })),
    source: 'fallback',
    partition,
    homeRegion,
  };
};

/**
 * The regions a user can pick: DescribeRegions(AllRegions) through their connection, so regions
 * that are not opted in show as disabled; the built-in list when there is no connection or AWS
 * does not answer (the form must still work).
 */
export async function listSelectableRegions(
  resolveCredentials: ResolveCredentials,
  username: string,
  connectionId: string | undefined,
  homeRegion: string,
  accountId?: string,
): Promise<RegionsAnswer> {
  let access: ResolvedAccess;
  try {
    access = await resolveCredentials(username, connectionId, accountId);
  } catch {
    return fallback(homeRegion);
  }
  return accountRegions(access, homeRegion);
}

/**
 * DescribeRegions(AllRegions) with already resolved access. Only the home region's partition is
 * kept: emulators list every partition, and a commercial account cannot use China or GovCloud.
 */
export async function accountRegions(access: ResolvedAccess, homeRegion: string): Promise<RegionsAnswer> {
  const partition = partitionOf(homeRegion);
  const client = new EC2Client({
    region: homeRegion,
    credentials: access.credentials,
    maxAttempts: 2,
    ...(access.endpoint ? { endpoint: access.endpoint } : {}),
  });
  try {
    const answer = await client.send(new DescribeRegionsCommand({ AllRegions: true }), {
      abortSignal: AbortSignal.timeout(10_000),
    });
    const regions = (answer.Regions ?? [])
      .filter((r): r is typeof r & { RegionName: string } => typeof r.RegionName === 'string')
      .filter((r) => partitionOf(r.RegionName) === partition)
      .map((r) => {
        const optInStatus = r.OptInStatus ?? 'opt-in-not-required';
        return { name: r.RegionName, optInStatus, enabled: optInStatus !== 'not-opted-in' };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    return regions.length > 0 ? { regions, source: 'aws', partition, homeRegion } : fallback(homeRegion);
  } catch {
    return fallback(homeRegion);
  } finally {
    client.destroy();
  }
}

/**
 * The requested regions the account does not know: not in its DescribeRegions answer, or, when
 * AWS could not be asked, neither in the built-in list nor in the region table of its partition.
 */
export function unknownRegions(answer: RegionsAnswer, requested: readonly string[]): string[] {
  const known = new Set(answer.regions.map((r) => r.name));
  if (answer.source === 'fallback') for (const name of knownRegions(answer.partition)) known.add(name);
  return requested.filter((region) => !known.has(region));
}
