/** Elastic Load Balancing: Application, Network and Gateway (elbv2) and Classic load balancers, metrics. */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import { elbLoadBalancerMetricsSchema, elbLoadBalancerSchema } from '../records/elb.js';

const loadBalancers = defineCollectorDescriptor({
  id: 'elb.load-balancers',
  label: { ko: '로드 밸런서', en: 'Load balancers' },
  scope: 'regional',
  record: elbLoadBalancerSchema,
  resource: { idFields: ['arn'], arnField: 'arn', nameField: 'loadBalancerName' },
  inventory: true,
  diff: true,
  metrics: 'elb.load-balancer-metrics',
  columns: [
    column.text('loadBalancerName', L.name),
    column.text('type', L.type),
    column.text('scheme', { ko: '체계', en: 'Scheme' }),
    column.state('state'),
    column.joined('availabilityZones', L.zone),
    {
      kind: 'pluck',
      field: 'listeners',
      key: 'protocol',
      label: { ko: '리스너 프로토콜', en: 'Listener protocols' },
    },
    column.number('healthyTargets', { ko: '정상 대상', en: 'Healthy targets' }),
    column.yesNo('accessLogsEnabled', { ko: '액세스 로그', en: 'Access logs' }, true),
    column.yesNo('deletionProtectionEnabled', { ko: '삭제 방지', en: 'Deletion protection' }, true),
    column.region,
    column.date('createdTime', L.created),
    column.tags,
  ],
  iamActions: [
    'elasticloadbalancing:DescribeLoadBalancers',
    'elasticloadbalancing:DescribeLoadBalancerAttributes',
    'elasticloadbalancing:DescribeListeners',
    'elasticloadbalancing:DescribeTargetGroups',
    'elasticloadbalancing:DescribeTargetHealth',
    'elasticloadbalancing:DescribeInstanceHealth',
    'elasticloadbalancing:DescribeTags',
  ],
});

const loadBalancerMetrics = defineCollectorDescriptor({
  id: 'elb.load-balancer-metrics',
  label: { ko: '로드 밸런서 지표', en: 'Load balancer metrics' },
  scope: 'regional',
  record: elbLoadBalancerMetricsSchema,
  resource: { idFields: ['arn'] },
  inventory: false,
  diff: false,
  iamActions: ['cloudwatch:GetMetricData'],
  dependsOn: ['elb.load-balancers'],
});

export const elb = defineService({
  id: 'elb',
  name: 'ELB',
  fullName: 'Elastic Load Balancing',
  costExplorerService: 'Amazon Elastic Load Balancing',
  collectors: [loadBalancers, loadBalancerMetrics],
});
