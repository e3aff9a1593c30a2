import { SERVICE_IDS, type ServiceId } from './services.js';

/**
 * The source of a service's global resources and of regions nobody asked for (S3 buckets live
 * wherever they were made): the latest source of that service, whatever its regions.
 */
export const ANY_REGION = 'global';

/** Something that covered services × regions at a time: an advisor run, a collection. */
export interface Coverage {
  services: readonly ServiceId[];
  regions: readonly string[];
  /** When it finished (ISO); the latest wins. */
  at: string;
}

export interface CoverageSource<T> {
  service: ServiceId;
  region: string;
  source: T;
}

/**
 * For each service × region, the latest item that covered the pair, so a later one of fewer
 * regions never hides what an earlier, wider one saw; plus one `global` entry per service (see
 * ANY_REGION). Sorted by service (catalogue order), then region with `global` first.
 */
export function latestPerServiceRegion<T>(
  items: readonly T[],
  coverage: (item: T) => Coverage | null,
): CoverageSource<T>[] {
  const best = new Map<string, CoverageSource<T> & { at: string }>();
  const consider = (service: ServiceId, region: string, source: T, at: string) => {
    const key = `${service}|${region}`;
    const current = best.get(key);
    if (!current || at > current.at) best.set(key, { service, region, source, at });
  };
  for (const item of items) {
    const covered = coverage(item);
    if (!covered) continue;
    for (const service of covered.services) {
      consider(service, ANY_REGION, item, covered.at);
      for (const region of covered.regions)
        if (region !== ANY_REGION) consider(service, region, item, covered.at);
    }
  }
  const order = (region: string) => (region === ANY_REGION ? '' : region);
  return [...best.values()]
    .sort(
      (a, b) =>
        SERVICE_IDS.indexOf(a.service) - SERVICE_IDS.indexOf(b.service) ||
        order(a.region).localeCompare(order(b.region)),
    )
    .map(({ service, region, source }) => ({ service, region, source }));
}

/** The source of a service × region: its own, else the service's global one. */
export function coverageSourceOf<S extends { service: ServiceId; region: string }>(
  sources: readonly S[],
  service: ServiceId,
  region: string,
): S | undefined {
  return (
    sources.find((s) => s.service === service && s.region === region) ??
    sources.find((s) => s.service === service && s.region === ANY_REGION)
  );
}
