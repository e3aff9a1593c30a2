import { particle } from '../../core/korean.js';
import { ELB_DOCS, lbLabel, listenerText } from '../lib/elb.js';
import { passOrFail, perResource, type Verdict } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

/** Predefined policies whose minimum is TLS 1.2 (CHECKS.md): the default of the accepted list. */
export const MODERN_TLS_POLICIES: readonly string[] = [
  'ELBSecurityPolicy-TLS13-1-2-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06',
  'ELBSecurityPolicy-TLS13-1-3-2021-06',
  'ELBSecurityPolicy-TLS-1-2-2017-01',
  'ELBSecurityPolicy-TLS-1-2-Ext-2018-06',
  'ELBSecurityPolicy-FS-1-2-2019-08',
  'ELBSecurityPolicy-FS-1-2-Res-2019-08',
  'ELBSecurityPolicy-FS-1-2-Res-2020-10',
];

const TLS_PROTOCOLS = ['HTTPS', 'TLS', 'SSL'];

export default defineCheck({
  id: 'elb-tls-policy-modern',
  service: 'elb',
  category: 'security',
  severity: 'medium',
  title: { en: 'TLS listeners require TLS 1.2 or later', ko: 'TLS 리스너가 TLS 1.2 이상을 요구함' },
  failureLabel: { en: 'Listeners accepting TLS older than 1.2', ko: 'TLS 1.2 미만을 허용하는 리스너' },
  description: {
    en: 'Fails when an HTTPS or TLS listener (Classic: HTTPS or SSL) uses a security policy outside the accepted list, by default the TLS 1.2-minimum ELBSecurityPolicy policies. A Classic listener with a custom policy not in the list is unknown.',
    ko: 'HTTPS나 TLS 리스너(클래식: HTTPS나 SSL)의 보안 정책이 허용 목록에 없으면 실패입니다. 허용 목록의 기본값은 TLS 1.2 이상만 허용하는 ELBSecurityPolicy 정책입니다. 목록에 없는 사용자 지정 정책을 쓰는 클래식 리스너는 알 수 없음입니다.',
  },
  remediation: {
    why: {
      en: 'TLS 1.0 and 1.1 have known weaknesses and are no longer accepted by PCI DSS; clients that still need them are rare.',
      ko: 'TLS 1.0과 1.1에는 알려진 약점이 있고 PCI DSS에서도 더 이상 인정하지 않으며, 이를 필요로 하는 클라이언트는 드뭅니다.',
    },
    steps: {
      en: [
        'EC2 → Load balancers → the load balancer → Listeners → the HTTPS/TLS listener → Edit → Security policy: ELBSecurityPolicy-TLS13-1-2-2021-06 → Save.',
        'Classic: Listeners → Edit → Cipher → Predefined security policy ELBSecurityPolicy-TLS-1-2-2017-01.',
      ],
      ko: [
        'EC2 → 로드 밸런서 → 해당 로드 밸런서 → 리스너 → HTTPS/TLS 리스너 → 편집 → 보안 정책: ELBSecurityPolicy-TLS13-1-2-2021-06 → 저장.',
        '클래식: 리스너 → 편집 → 암호 → 사전 정의 보안 정책 ELBSecurityPolicy-TLS-1-2-2017-01.',
      ],
    },
    commands: [
      'aws elbv2 modify-listener --listener-arn <LISTENER_ARN> --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06 --region {{region}}',
    ],
  },
  docs: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html',
    ELB_DOCS.classic,
  ],
  // ISMS-P: encryption in transit is 2.7.1; 2.10.5 is about transfers agreed with other organizations.
  compliance: { fsbp: ['ELB.8', 'ELB.17'], ismsp: ['2.7.1'] },
  requires: ['elb.load-balancers'],
  requiresFields: { 'elb.load-balancers': ['listeners'] },
  settings: {
    acceptedPolicies: {
      kind: 'stringList',
      default: MODERN_TLS_POLICIES,
      maxItems: 50,
      itemMaxLength: 128,
      itemPattern: '^[A-Za-z0-9-]{1,128}$',
      description: {
        en: 'Security policies accepted on HTTPS/TLS listeners (default: the predefined policies with TLS 1.2 as the minimum)',
        ko: 'HTTPS/TLS 리스너에 허용할 보안 정책(기본값: 최소 버전이 TLS 1.2인 사전 정의 정책)',
      },
    },
  },
  evaluate(ctx) {
    const accepted = new Set(ctx.settings.acceptedPolicies);
    return perResource(ctx, 'elb.load-balancers', (lb): Verdict => {
      const label = lbLabel(lb);
      const secure = (lb.listeners ?? []).filter((l) => TLS_PROTOCOLS.includes(l.protocol));
      if (secure.length === 0) {
        return {
          status: 'not_applicable',
          message: {
            en: `${label.en} has no HTTPS or TLS listener.`,
            ko: `${label.ko}에는 HTTPS나 TLS 리스너가 없습니다.`,
          },
        };
      }
      const isAccepted = (l: (typeof secure)[number]) => accepted.has(l.sslPolicy ?? '');
      // A custom Classic policy's TLS versions are not collected: unknown, unless the user accepts it by name.
      const custom = secure.filter(
        (l) => lb.type === 'classic' && !l.sslPolicy?.startsWith('ELBSecurityPolicy-') && !isAccepted(l),
      );
      const weak = secure
        .filter((l) => !custom.includes(l) && !isAccepted(l))
        .map((l) => `${listenerText(l)} ${l.sslPolicy ?? '-'}`);
      if (weak.length === 0 && custom.length > 0) {
        const names = custom.map((l) => `${listenerText(l)} ${l.sslPolicy ?? '-'}`).join(', ');
        return {
          status: 'unknown',
          message: {
            en: `${label.en} uses a custom negotiation policy (${names}); its TLS versions are not collected.`,
            ko: `${label.ko}${particle(lb.loadBalancerName, '은/는')} 사용자 지정 협상 정책(${names})을 쓰며, 그 TLS 버전은 수집하지 않습니다.`,
          },
        };
      }
      return passOrFail(
        weak.length === 0,
        {
          en: `${label.en} uses an accepted security policy on every TLS listener.`,
          ko: `${label.ko}${particle(lb.loadBalancerName, '은/는')} 모든 TLS 리스너에서 허용된 보안 정책을 씁니다.`,
        },
        {
          en: `${label.en} uses a security policy outside the accepted list on ${weak.join(', ')}, so it may allow TLS older than 1.2.`,
          ko: `${label.ko}${particle(lb.loadBalancerName, '은/는')} ${weak.join(', ')}에서 허용 목록에 없는 보안 정책을 쓰므로 TLS 1.2 미만을 허용할 수 있습니다.`,
        },
        weak.length > 0 ? { weakListeners: weak.join(', ') } : undefined,
      );
    });
  },
});
