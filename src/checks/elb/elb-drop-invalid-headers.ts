import { particle } from '../../core/korean.js';
import { lbSwitchVerdict } from '../lib/elb.js';
import { perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'elb-drop-invalid-headers',
  service: 'elb',
  category: 'security',
  severity: 'medium',
  title: { en: 'ALBs drop invalid HTTP headers', ko: 'ALB가 잘못된 HTTP 헤더를 삭제함' },
  failureLabel: { en: 'ALBs passing invalid HTTP headers on', ko: '잘못된 HTTP 헤더를 그대로 전달하는 ALB' },
  description: {
    en: 'Fails when the ALB attribute routing.http.drop_invalid_header_fields.enabled is not true (AWS FSBP ELB.4).',
    ko: 'ALB 속성 routing.http.drop_invalid_header_fields.enabled가 true가 아니면 실패입니다 (AWS FSBP ELB.4).',
  },
  remediation: {
    why: {
      en: 'Header names that do not follow the HTTP grammar are a known way to smuggle requests past a proxy into the application.',
      ko: 'HTTP 문법을 따르지 않는 헤더 이름은 프록시를 지나 애플리케이션으로 요청을 몰래 들여보내는 알려진 수법입니다.',
    },
    steps: {
      en: [
        'EC2 → Load balancers → the ALB → Attributes → Edit → turn on Drop invalid header fields → Save changes.',
      ],
      ko: ['EC2 → 로드 밸런서 → 해당 ALB → 속성 → 편집 → 잘못된 헤더 필드 삭제 켜기 → 변경 사항 저장.'],
    },
    commands: [
      'aws elbv2 modify-load-balancer-attributes --load-balancer-arn {{resourceId}} --attributes Key=routing.http.drop_invalid_header_fields.enabled,Value=true --region {{region}}',
    ],
  },
  docs: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html',
  ],
  compliance: { fsbp: ['ELB.4'], ismsp: ['2.10.3'] },
  requires: ['elb.load-balancers'],
  requiresFields: { 'elb.load-balancers': ['dropInvalidHeaderFields'] },
  settings: {},
  evaluate(ctx) {
    return perResource(
      ctx,
      'elb.load-balancers',
      (lb) =>
        lbSwitchVerdict(
          lb,
          'dropInvalidHeaderFields',
          { en: 'the invalid header attribute', ko: '잘못된 헤더 속성이' },
          (label) => ({
            on: {
              en: `${label.en} drops invalid header fields.`,
              ko: `${label.ko}${particle(lb.loadBalancerName, '은/는')} 잘못된 헤더 필드를 삭제합니다.`,
            },
            off: {
              en: `${label.en} passes invalid header fields on to its targets.`,
              ko: `${label.ko}${particle(lb.loadBalancerName, '은/는')} 잘못된 헤더 필드를 대상에 그대로 전달합니다.`,
            },
          }),
        ),
      (lb) => lb.type === 'application',
    );
  },
});
