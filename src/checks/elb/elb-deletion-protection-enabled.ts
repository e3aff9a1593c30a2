import { particle } from '../../core/korean.js';
import { lbSwitchVerdict } from '../lib/elb.js';
import { perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'elb-deletion-protection-enabled',
  service: 'elb',
  category: 'fault_tolerance',
  severity: 'low',
  title: { en: 'Load balancers have deletion protection', ko: '로드 밸런서에 삭제 방지가 켜져 있음' },
  failureLabel: { en: 'Load balancers without deletion protection', ko: '삭제 방지가 꺼진 로드 밸런서' },
  description: {
    en: 'Fails when the elbv2 attribute deletion_protection.enabled is not true (Classic Load Balancers have no such setting and are left out).',
    ko: 'elbv2 속성 deletion_protection.enabled가 true가 아니면 실패입니다(클래식 로드 밸런서에는 이 설정이 없어 제외합니다).',
  },
  remediation: {
    why: {
      en: 'One mistaken delete takes the entry point of the application offline, and its DNS name cannot be recovered.',
      ko: '삭제 실수 한 번으로 애플리케이션의 진입점이 내려가고, 그 DNS 이름은 되찾을 수 없습니다.',
    },
    steps: {
      en: [
        'EC2 → Load balancers → the load balancer → Attributes → Edit → turn on Deletion protection → Save changes.',
      ],
      ko: ['EC2 → 로드 밸런서 → 해당 로드 밸런서 → 속성 → 편집 → 삭제 방지 켜기 → 변경 사항 저장.'],
    },
    commands: [
      'aws elbv2 modify-load-balancer-attributes --load-balancer-arn {{resourceId}} --attributes Key=deletion_protection.enabled,Value=true --region {{region}}',
    ],
  },
  docs: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html#deletion-protection',
  ],
  compliance: { fsbp: ['ELB.6'], ismsp: ['2.9.2'] },
  requires: ['elb.load-balancers'],
  requiresFields: { 'elb.load-balancers': ['deletionProtectionEnabled'] },
  settings: {},
  evaluate(ctx) {
    return perResource(
      ctx,
      'elb.load-balancers',
      (lb) =>
        lbSwitchVerdict(
          lb,
          'deletionProtectionEnabled',
          { en: 'the deletion protection attribute', ko: '삭제 방지 속성이' },
          (label) => ({
            on: {
              en: `${label.en} has deletion protection on.`,
              ko: `${label.ko}에 삭제 방지가 켜져 있습니다.`,
            },
            off: {
              en: `${label.en} can be deleted by a single call: turn on deletion protection.`,
              ko: `${label.ko}${particle(lb.loadBalancerName, '은/는')} 호출 한 번으로 삭제될 수 있습니다. 삭제 방지를 켜세요.`,
            },
          }),
        ),
      (lb) => lb.type !== 'classic',
    );
  },
});
