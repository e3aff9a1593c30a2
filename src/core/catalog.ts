/**
 * Everything derived from the service descriptors (src/core/descriptors/): service and collector
 * ids, the record type of each collector, labels, resource identity, inventory and diff rules,
 * table columns, metrics links and IAM actions. No other module keeps a per-collector table.
 */
import type { z } from 'zod';
import { column } from './columns.js';
import type { CollectorDescriptor, ColumnSpec } from './descriptor.js';
import { SERVICE_DESCRIPTORS } from './descriptors/index.js';
import type { Lang, LocalizedText } from './text.js';

type AnyService = (typeof SERVICE_DESCRIPTORS)[number];
type AnyCollectorDescriptor = AnyService['collectors'][number];

export type ServiceId = AnyService['id'];
export type CollectorId = AnyCollectorDescriptor['id'];
/** Every collector id and the record type it yields (inferred from its zod schema). */
export type RecordKinds = { [D in AnyCollectorDescriptor as D['id']]: z.infer<D['record']> };

/** A collector descriptor with its service, as every layer reads it. */
export type CollectorInfo = Omit<CollectorDescriptor, 'id' | 'dependsOn' | 'metrics'> & {
  id: CollectorId;
  service: ServiceId;
  dependsOn: readonly CollectorId[];
  metrics?: CollectorId;
};

export const SERVICE_IDS = SERVICE_DESCRIPTORS.map((s) => s.id) as readonly ServiceId[] as readonly [
  ServiceId,
  ...ServiceId[],
];

/** Every collector, service by service in display order. */
export const COLLECTORS: readonly CollectorInfo[] = SERVICE_DESCRIPTORS.flatMap((service) =>
  (service.collectors as readonly CollectorDescriptor[]).map(
    ({ metrics, dependsOn, ...c }): CollectorInfo => ({
      ...c,
      id: c.id as CollectorId,
      service: service.id,
      dependsOn: (dependsOn ?? []) as readonly CollectorId[],
      ...(metrics ? { metrics: metrics as CollectorId } : {}),
    }),
  ),
);

export const COLLECTOR_IDS = COLLECTORS.map((c) => c.id) as readonly CollectorId[] as readonly [
  CollectorId,
  ...CollectorId[],
];

const byId = new Map<string, CollectorInfo>(COLLECTORS.map((c) => [c.id, c]));
const servicesById = new Map<string, AnyService>(SERVICE_DESCRIPTORS.map((s) => [s.id, s]));

export function isCollectorId(value: unknown): value is CollectorId {
  return typeof value === 'string' && byId.has(value);
}

export function collectorInfo(id: CollectorId): CollectorInfo {
  const info = byId.get(id);
  if (!info) throw new Error(`No descriptor for collector ${id}`);
  return info;
}

export function serviceOfCollector(id: CollectorId): ServiceId {
  return collectorInfo(id).service;
}

/** Short product name (EC2) and the full one (Amazon EC2) of a service. */
export function serviceName(id: ServiceId): { name: string; fullName: string } {
  const service = servicesById.get(id);
  return { name: service?.name ?? id, fullName: service?.fullName ?? id };
}

/** The service's name in Cost Explorer's SERVICE dimension (its full name unless stated). */
export function costExplorerServiceName(id: ServiceId): string {
  const service = servicesById.get(id);
  return service?.costExplorerService ?? service?.fullName ?? id;
}

export function collectorLabel(id: CollectorId): LocalizedText {
  return collectorInfo(id).label;
}

/** Table columns after the id/name link; kinds without their own list show their region. */
export function columnsOf(id: CollectorId): readonly ColumnSpec[] {
  return collectorInfo(id).columns ?? [column.region];
}

/** The metrics collector joined to a resource in the detail view. */
export function metricsCollectorOf(id: CollectorId): CollectorId | undefined {
  return collectorInfo(id).metrics;
}

/** Collectors whose records are resources a person would count, with their service. */
export const INVENTORY_COLLECTORS: Readonly<Record<string, ServiceId>> = Object.fromEntries(
  COLLECTORS.filter((c) => c.inventory).map((c) => [c.id, c.service]),
);

/** The field(s) naming one resource of each collector, first non-empty wins. */
export const RESOURCE_ID_FIELDS: Readonly<Record<CollectorId, readonly string[]>> = Object.fromEntries(
  COLLECTORS.map((c): [string, readonly string[]] => [c.id, c.resource.idFields]),
) as Record<CollectorId, readonly string[]>;

/** Metrics collectors joined to a resource in the detail view (same id field value). */
export const METRICS_COLLECTOR_OF: Readonly<Partial<Record<CollectorId, CollectorId>>> = Object.fromEntries(
  COLLECTORS.flatMap((c) => (c.metrics ? [[c.id, c.metrics]] : [])),
);

/** Collectors left out of collection diffs (metrics and usage change on every run). */
export const UNDIFFED_COLLECTORS: ReadonlySet<CollectorId> = new Set(
  COLLECTORS.filter((c) => !c.diff).map((c) => c.id),
);

/** Every IAM action the collectors declare (plus region discovery), sorted and unique. */
export function collectorIamActions(): string[] {
  return [...new Set(['ec2:DescribeRegions', ...COLLECTORS.flatMap((c) => c.iamActions)])].sort();
}

/** Short service names by id (the UI's `services` messages; the same in both languages). */
export function serviceNames(): Record<ServiceId, string> {
  return Object.fromEntries(SERVICE_DESCRIPTORS.map((s) => [s.id, s.name])) as Record<ServiceId, string>;
}

/** Collector labels nested by service (`ec2` → `instances` → …), so `collectors.ec2.instances` resolves. */
export function collectorLabelsByService(lang: Lang): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const c of COLLECTORS) {
    const kind = c.id.slice(c.service.length + 1);
    out[c.service] = { ...out[c.service], [kind]: c.label[lang] };
  }
  return out;
}
