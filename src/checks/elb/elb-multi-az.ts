import { particle } from '../../core/korean.js';
import { lbLabel } from '../lib/elb.js';
import { passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'elb-multi-az',
  service: 'elb',
  category: 'fault_tolerance',
  severity: 'medium',
  title: {
    en: 'Load balancers span several Availability Zones',
    ko: '로드 밸런서가 여러 가용 영역에 걸쳐 있음',
  },
  failureLabel: {
    en: 'Load balancers in a single Availability Zone',
    ko: '가용 영역 하나에만 있는 로드 밸런서',
  },
  description: {
    en: 'Fails when the load balancer spans fewer than 2 Availability Zones: one zone failure takes it down.',
    ko: '로드 밸런서가 2개 미만의 가용 영역에 걸쳐 있으면 실패입니다. 가용 영역 하나의 장애로 중단됩니다.',
  },
  remediation: {
    why: {
      en: 'A load balancer in one zone goes down with that zone, with every target behind it.',
      ko: '가용 영역 하나에만 있는 로드 밸런서는 그 영역이 멈추면 뒤의 모든 대상과 함께 멈춥니다.',
    },
    steps: {
      en: [
        'Create a subnet in a second Availability Zone of the VPC (and targets there).',
        'EC2 → Load balancers → the load balancer → Network mapping → Edit subnets → add the second zone → Save changes (Classic: Instances → Edit Availability Zones).',
      ],
      ko: [
        'VPC의 두 번째 가용 영역에 서브넷(과 그곳의 대상)을 만드세요.',
        'EC2 → 로드 밸런서 → 해당 로드 밸런서 → 네트워크 매핑 → 서브넷 편집 → 두 번째 가용 영역 추가 → 변경 사항 저장(클래식: 인스턴스 → 가용 영역 편집).',
      ],
    },
    commands: [
      'aws elbv2 set-subnets --load-balancer-arn {{resourceId}} --subnets <SUBNET_A> <SUBNET_B> --region {{region}}',
      'aws elb enable-availability-zones-for-load-balancer --load-balancer-name {{resourceName}} --availability-zones <SECOND_ZONE> --region {{region}}',
    ],
  },
  docs: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html#availability-zones',
  ],
  compliance: { fsbp: ['ELB.10', 'ELB.13'], ismsp: ['2.9.2', '2.12.1'] },
  requires: ['elb.load-balancers'],
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'elb.load-balancers', (lb) => {
      const label = lbLabel(lb);
      const zones = lb.availabilityZones.length;
      return passOrFail(
        zones >= 2,
        {
          en: `${label.en} spans ${zones} Availability Zones.`,
          ko: `${label.ko}${particle(lb.loadBalancerName, '은/는')} 가용 영역 ${zones}개에 걸쳐 있습니다.`,
        },
        {
          en: `${label.en} spans ${zones} Availability Zone${zones === 1 ? '' : 's'}: add a second one.`,
          ko: `${label.ko}${particle(lb.loadBalancerName, '은/는')} 가용 영역 ${zones}개에만 있습니다. 두 번째 가용 영역을 추가하세요.`,
        },
        { availabilityZones: lb.availabilityZones.join(', ') },
      );
    });
  },
});
