/**
 * Application, Network and Gateway load balancers (elbv2). Calls grow with pages for load
 * balancers, target groups and tags (20 a call); DescribeListeners, DescribeLoadBalancerAttributes
 * (per load balancer) and DescribeTargetHealth (per attached target group) have no batched form.
 */
import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeTagsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  type LoadBalancer,
  paginateDescribeLoadBalancers,
  paginateDescribeTargetGroups,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { FieldError } from '../../core/records/common.js';
import type { ElbListener, ElbLoadBalancer } from '../../core/records/elb.js';
import { optionalField } from '../lib/optional-field.js';
import type { CollectorContext } from '../types.js';
import { isoDate, markFields, tagsInBatches, tagsOf } from './common.js';

const PAGE_SIZE = 400;

async function listeners(client: ElasticLoadBalancingV2Client, arn: string): Promise<ElbListener[]> {
  const out: ElbListener[] = [];
  let Marker: string | undefined;
  do {
    const page = await client.send(
      new DescribeListenersCommand({ LoadBalancerArn: arn, PageSize: PAGE_SIZE, Marker }),
    );
    for (const l of page.Listeners ?? []) {
      out.push({
        port: l.Port,
        protocol: l.Protocol ?? '',
        sslPolicy: l.SslPolicy,
        defaultActions: (l.DefaultActions ?? []).map((a) => ({
          type: a.Type ?? '',
          redirectProtocol: a.RedirectConfig?.Protocol,
        })),
      });
    }
    Marker = page.NextMarker;
  } while (Marker);
  return out;
}

async function attributes(client: ElasticLoadBalancingV2Client, arn: string): Promise<Map<string, string>> {
  const answer = await client.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn }));
  return new Map((answer.Attributes ?? []).flatMap((a) => (a.Key ? [[a.Key, a.Value ?? '']] : [])));
}

const flag = (attrs: Map<string, string> | undefined, key: string): boolean | undefined =>
  attrs === undefined ? undefined : attrs.get(key) === 'true';

/** Healthy and registered target counts per target group ARN (only groups attached to a load balancer). */
async function targetHealth(
  ctx: CollectorContext,
  client: ElasticLoadBalancingV2Client,
): Promise<{
  groupsOf: Map<string, string[]>;
  health: Map<string, { healthy: number; total: number } | FieldError>;
}> {
  const groupsOf = new Map<string, string[]>();
  for await (const page of paginateDescribeTargetGroups({ client, pageSize: PAGE_SIZE }, {})) {
    for (const group of page.TargetGroups ?? []) {
      for (const lb of group.LoadBalancerArns ?? []) {
        if (group.TargetGroupArn) groupsOf.set(lb, [...(groupsOf.get(lb) ?? []), group.TargetGroupArn]);
      }
    }
  }
  const health = new Map<string, { healthy: number; total: number } | FieldError>();
  const groups = [...new Set([...groupsOf.values()].flat())];
  await Promise.all(
    groups.map((arn) =>
      ctx.limit(async () => {
        try {
          const answer = await client.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }));
          const states = (answer.TargetHealthDescriptions ?? []).map((d) => d.TargetHealth?.State);
          health.set(arn, { healthy: states.filter((s) => s === 'healthy').length, total: states.length });
        } catch (error) {
          if (ctx.signal.aborted) throw error;
          health.set(arn, ctx.fieldError(error, 'DescribeTargetHealth'));
        }
      }),
    ),
  );
  return { groupsOf, health };
}

function countTargets(
  arns: string[],
  health: Map<string, { healthy: number; total: number } | FieldError>,
  fieldErrors: Record<string, FieldError>,
): { healthyTargets?: number; registeredTargets?: number } {
  let healthy = 0;
  let total = 0;
  for (const arn of arns) {
    const h = health.get(arn);
    if (h === undefined) continue;
    if ('operation' in h) {
      fieldErrors.healthyTargets = h;
      fieldErrors.registeredTargets = h;
      return {};
    }
    healthy += h.healthy;
    total += h.total;
  }
  return { healthyTargets: healthy, registeredTargets: total };
}

export async function* collectV2LoadBalancers(ctx: CollectorContext): AsyncGenerator<ElbLoadBalancer> {
  const client = ctx.client(ElasticLoadBalancingV2Client);
  const found: LoadBalancer[] = [];
  for await (const page of paginateDescribeLoadBalancers({ client, pageSize: PAGE_SIZE }, {})) {
    found.push(...(page.LoadBalancers ?? []));
  }
  if (found.length === 0) return;
  const arns = found.flatMap((lb) => (lb.LoadBalancerArn ? [lb.LoadBalancerArn] : []));
  const [tags, targets] = await Promise.all([
    tagsInBatches(ctx, arns, async (batch) => {
      const answer = await client.send(new DescribeTagsCommand({ ResourceArns: batch }));
      return (answer.TagDescriptions ?? []).map((d) => ({ key: d.ResourceArn ?? '', tags: d.Tags }));
    }),
    targetHealth(ctx, client),
  ]);
  const pending = found.map(async (lb): Promise<ElbLoadBalancer> => {
    const arn = lb.LoadBalancerArn ?? '';
    const type = lb.Type === 'network' || lb.Type === 'gateway' ? lb.Type : 'application';
    const fieldErrors: Record<string, FieldError> = {};
    const [listed, attrs] = await Promise.all([
      optionalField(ctx, fieldErrors, {
        field: 'listeners',
        operation: 'DescribeListeners',
        call: () => listeners(client, arn),
      }),
      optionalField(ctx, fieldErrors, {
        field: 'attributes',
        operation: 'DescribeLoadBalancerAttributes',
        call: () => attributes(client, arn),
      }),
    ]);
    markFields(
      fieldErrors,
      ['accessLogsEnabled', 'deletionProtectionEnabled', 'dropInvalidHeaderFields'],
      'attributes',
    );
    delete fieldErrors.attributes;
    const record: ElbLoadBalancer = {
      region: ctx.region,
      loadBalancerName: lb.LoadBalancerName ?? '',
      arn,
      type,
      scheme: lb.Scheme,
      state: lb.State?.Code,
      dnsName: lb.DNSName,
      vpcId: lb.VpcId,
      availabilityZones: (lb.AvailabilityZones ?? []).flatMap((z) => (z.ZoneName ? [z.ZoneName] : [])),
      createdTime: isoDate(lb.CreatedTime),
      securityGroupIds: lb.SecurityGroups ?? [],
      listeners: listed,
      accessLogsEnabled: flag(attrs, 'access_logs.s3.enabled'),
      deletionProtectionEnabled: flag(attrs, 'deletion_protection.enabled'),
      dropInvalidHeaderFields:
        type === 'application' ? flag(attrs, 'routing.http.drop_invalid_header_fields.enabled') : undefined,
      ...countTargets(targets.groupsOf.get(arn) ?? [], targets.health, fieldErrors),
      tags: tagsOf(arn, tags, fieldErrors),
    };
    return Object.keys(fieldErrors).length > 0 ? { ...record, fieldErrors } : record;
  });
  for (const lb of pending) yield await lb;
}
