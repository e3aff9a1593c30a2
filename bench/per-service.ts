/**
 * The collection benchmark's per-service figures: API calls by AWS API (per page and per resource)
 * and collector time by catalogue service, and the calls-vs-resources run over the part-2 services.
 */
import { collectors } from '../src/collectors/registry.js';
import type { CollectorId } from '../src/core/records.js';
import type { ServiceId } from '../src/core/services.js';
import type { CollectionMetadata } from '../src/core/snapshot.js';
import { callKind, serviceOf } from './call-kinds.js';

type Outcome = Pick<CollectionMetadata, 'results' | 'resourceCounts'> & {
  apiCalls?: Record<string, number>;
};

/** The services bench/seed.ts seeds at scale; the part-2 services come from bench/seed-services.ts. */
const PART1_SERVICES: readonly ServiceId[] = ['ec2', 's3', 'lambda', 'rds'];
/** EC2 collectors of the part-2 network checks (VPC flow logs, default groups, ACLs, ENIs, NAT). */
const PART2_EC2_COLLECTORS = new Set([
  'ec2.vpcs',
  'ec2.flow-logs',
  'ec2.network-acls',
  'ec2.network-interfaces',
  'ec2.nat-gateways',
  'ec2.nat-gateway-metrics',
  'ec2.security-groups',
]);

/** The collectors the calls-vs-resources run collects: every part-2 service's, IAM's, the network's. */
export function part2Collectors(): CollectorId[] {
  return collectors
    .filter((c) => !PART1_SERVICES.includes(c.service) || PART2_EC2_COLLECTORS.has(c.id))
    .map((c) => c.id);
}

export function part2Services(): ServiceId[] {
  return [...new Set(collectors.filter((c) => part2Collectors().includes(c.id)).map((c) => c.service))];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Per catalogue service: resources, the longest unit (collector × region) and all units' time. */
export function printServiceTimes(outcome: Outcome): void {
  const rows = new Map<string, { resources: number; longestMs: number; totalMs: number; longest: string }>();
  for (const c of collectors) {
    const perRegion = outcome.results[c.id];
    if (!perRegion) continue;
    const row = rows.get(c.service) ?? { resources: 0, longestMs: 0, totalMs: 0, longest: '' };
    row.resources += outcome.resourceCounts[c.id] ?? 0;
    for (const [region, o] of Object.entries(perRegion)) {
      const ms = 'durationMs' in o ? (o.durationMs ?? 0) : 0;
      row.totalMs += ms;
      if (ms > row.longestMs) Object.assign(row, { longestMs: ms, longest: `${c.id}@${region}` });
    }
    rows.set(c.service, row);
  }
  console.log('time by service (longest unit = its critical path; units of all regions run at once):');
  for (const [service, r] of [...rows].sort((a, b) => b[1].longestMs - a[1].longestMs)) {
    console.log(
      `  ${service.padEnd(16)} ${String(r.resources).padStart(6)} records  longest ${seconds(r.longestMs).padStart(7)} (${r.longest})  all units ${seconds(r.totalMs)}`,
    );
  }
}

/** Per AWS API: calls in total, of which per resource. */
export function printCallsByApi(apiCalls: Record<string, number>): void {
  const rows = new Map<string, { total: number; perResource: number }>();
  for (const [operation, n] of Object.entries(apiCalls)) {
    const row = rows.get(serviceOf(operation)) ?? { total: 0, perResource: 0 };
    row.total += n;
    if (callKind(operation) === 'per-resource') row.perResource += n;
    rows.set(serviceOf(operation), row);
  }
  console.log('API calls by AWS API (total / of which per resource):');
  for (const [api, r] of [...rows].sort((a, b) => b[1].total - a[1].total)) {
    console.log(`  ${api.padEnd(24)} ${String(r.total).padStart(6)} / ${r.perResource}`);
  }
}
