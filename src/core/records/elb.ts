/** Elastic Load Balancing records: ALB, NLB and Gateway (elbv2) and Classic load balancers, and their metrics. */
import { z } from 'zod';
import { metricPointSchema, recordBaseSchema, tagSchema } from './common.js';

export const elbListenerSchema = z.object({
  port: z.number().optional(),
  /** HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, GENEVE (elbv2); HTTP, HTTPS, TCP, SSL (Classic). */
  protocol: z.string(),
  /** elbv2: the listener's SslPolicy; Classic: the predefined policy named on the listener, if any. */
  sslPolicy: z.string().optional(),
  /** elbv2 default actions (type, and for redirects the target protocol); empty for Classic. */
  defaultActions: z.array(z.object({ type: z.string(), redirectProtocol: z.string().optional() })),
});

export const elbLoadBalancerSchema = recordBaseSchema.extend({
  loadBalancerName: z.string(),
  /** elbv2: the ARN; Classic: arn:…:loadbalancer/<name>, built from the name. */
  arn: z.string(),
  type: z.enum(['application', 'network', 'gateway', 'classic']),
  scheme: z.string().optional(),
  state: z.string().optional(),
  dnsName: z.string().optional(),
  vpcId: z.string().optional(),
  availabilityZones: z.array(z.string()),
  createdTime: z.string().optional(),
  securityGroupIds: z.array(z.string()),
  /** Absent when DescribeListeners failed (see fieldErrors.listeners). */
  listeners: z.array(elbListenerSchema).optional(),
  /** From the load balancer attributes; absent when that call failed. */
  accessLogsEnabled: z.boolean().optional(),
  /** elbv2 only. */
  deletionProtectionEnabled: z.boolean().optional(),
  /** ALB only. */
  dropInvalidHeaderFields: z.boolean().optional(),
  /** Targets (Classic: instances) in state healthy / InService, over every target group of the load balancer. */
  healthyTargets: z.number().optional(),
  registeredTargets: z.number().optional(),
  tags: z.array(tagSchema),
});

/** Daily sums over the last 7 days: RequestCount (ALB, Classic) or NewFlowCount (NLB). */
export const elbLoadBalancerMetricsSchema = recordBaseSchema.extend({
  arn: z.string(),
  metricName: z.string(),
  dailySum: z.array(metricPointSchema),
});

export type ElbListener = z.infer<typeof elbListenerSchema>;
export type ElbLoadBalancer = z.infer<typeof elbLoadBalancerSchema>;
export type ElbLoadBalancerMetrics = z.infer<typeof elbLoadBalancerMetricsSchema>;
