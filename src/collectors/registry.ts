/**
 * Every collector, auto-discovered: each service folder (src/collectors/<service>/) holds modules
 * that export Collector objects (src/collectors/lib/ holds shared helpers); any exported value
 * shaped like a collector is picked up, so adding a collector is adding one file beside its
 * descriptor (src/core/descriptors/<service>.ts). registry.test.ts checks the two agree.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectorIamActions } from '../core/catalog.js';
import type { CollectorId } from '../core/records.js';
import type { ServiceId } from '../core/services.js';
import type { Collector } from './types.js';

function isCollector(value: unknown): value is Collector {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Collector>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.service === 'string' &&
    (candidate.scope === 'regional' || candidate.scope === 'global') &&
    Array.isArray(candidate.iamActions) &&
    typeof candidate.collect === 'function'
  );
}

const collectorsDir = fileURLToPath(new URL('.', import.meta.url));

/** Where each collector was found: `<folder>/<file>` (the registry test checks ids against it). */
const collectorFiles = new Map<string, string>();

async function discoverCollectors(): Promise<Collector[]> {
  const found = new Set<Collector>();
  const folders = readdirSync(collectorsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    const files = readdirSync(new URL(`./${folder}/`, import.meta.url))
      // The server and CLI run the TypeScript sources through tsx; there is no compiled build.
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
      .sort();
    for (const file of files) {
      const mod: Record<string, unknown> = await import(new URL(`./${folder}/${file}`, import.meta.url).href);
      for (const exported of Object.values(mod)) {
        const candidates = Array.isArray(exported) ? exported : [exported];
        // A Set keeps one entry when a module re-exports the same objects.
        for (const candidate of candidates) {
          if (!isCollector(candidate)) continue;
          found.add(candidate);
          collectorFiles.set(candidate.id, `${folder}/${file.slice(0, -'.ts'.length)}`);
        }
      }
    }
  }
  return [...found].sort((a, b) => a.id.localeCompare(b.id));
}

export const collectors: Collector[] = await discoverCollectors();

/** Least-privilege IAM actions for every collector (the IAM policy shown in settings). */
export function requiredIamActions(): string[] {
  return collectorIamActions();
}

export const collectorSources: ReadonlyMap<string, string> = collectorFiles;

/** Collectors of `services`, plus (transitively) the collectors they depend on. */
export function collectorsForServices(
  services: readonly ServiceId[],
  pool: readonly Collector[] = collectors,
): Collector[] {
  return withDependencies(
    pool.filter((c) => services.includes(c.service)).map((c) => c.id),
    pool,
  );
}

/**
 * Exactly the collectors `ids`, plus (transitively) the collectors they depend on — what an advisor
 * run needs when its checks read only part of a service. Ids not in the pool are ignored.
 */
export function collectorsForIds(
  ids: readonly CollectorId[],
  pool: readonly Collector[] = collectors,
): Collector[] {
  return withDependencies(ids, pool);
}

function withDependencies(ids: readonly CollectorId[], pool: readonly Collector[]): Collector[] {
  const byId = new Map(pool.map((c) => [c.id, c]));
  const chosen = new Set<CollectorId>();
  const visit = (id: CollectorId): void => {
    if (chosen.has(id)) return;
    const collector = byId.get(id);
    if (!collector) return;
    chosen.add(id);
    for (const dep of collector.dependsOn ?? []) visit(dep);
  };
  for (const id of ids) visit(id);
  return pool.filter((c) => chosen.has(c.id));
}
