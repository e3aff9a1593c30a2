import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DEFAULT_REGIONS } from '../core/services.js';
import type { ResolveCredentials } from './types.js';

export interface RegionChoice {
  name: string;
  optInStatus?: string;
  enabled: boolean;
}

export interface RegionsAnswer {
  regions: RegionChoice[];
  source: 'aws' | 'fallback';
}

const fallback = (): RegionsAnswer => ({
  regions: DEFAULT_REGIONS.map((name) => ({ name, enabled: true })),
  source: 'fallback',
});

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
  let access: Awaited<ReturnType<ResolveCredentials>>;
  try {
    access = await resolveCredentials(username, connectionId, accountId);
  } catch {
    return fallback();
  }
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
      .map((r) => {
        const optInStatus = r.OptInStatus ?? 'opt-in-not-required';
        return { name: r.RegionName, optInStatus, enabled: optInStatus !== 'not-opted-in' };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    return regions.length > 0 ? { regions, source: 'aws' } : fallback();
  } catch {
    return fallback();
  } finally {
    client.destroy();
  }
}
