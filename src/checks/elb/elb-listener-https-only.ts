import { particle } from '../../core/korean.js';
import type { ElbLoadBalancer } from '../../core/records/elb.js';
import { ELB_DOCS, lbLabel, listenerText, notForType } from '../lib/elb.js';
import { passOrFail, perResource, type Verdict } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

/** ALB: HTTP listeners whose default action is not a redirect to HTTPS; Classic: HTTP listeners when no HTTPS/SSL one exists. */
function plainHttpListeners(lb: ElbLoadBalancer): string[] {
  const listeners = lb.listeners ?? [];
  const http = listeners.filter((l) => l.protocol === 'HTTP');
  if (lb.type === 'classic') {
    return listeners.some((l) => l.protocol === 'HTTPS' || l.protocol === 'SSL')
      ? []
      : http.map(listenerText);
  }
  return http
    .filter((l) => !l.defaultActions.some((a) => a.type === 'redirect' && a.redirectProtocol === 'HTTPS'))
    .map(listenerText);
}

export default defineCheck({
  id: 'elb-listener-https-only',
  service: 'elb',
  category: 'security',
  severity: 'high',
  title: {
    en: 'Load balancers serve HTTP only as a redirect to HTTPS',
    ko: '로드 밸런서가 HTTP를 HTTPS로만 리디렉션함',
  },
  failureLabel: {
    en: 'Load balancers serving plain HTTP',
    ko: '암호화되지 않은 HTTP를 제공하는 로드 밸런서',
  },
  description: {
    en: 'ALB: fails when an HTTP listener’s default action is not a redirect to HTTPS. Classic: fails when it has an HTTP listener and no HTTPS or SSL listener. NLB and Gateway Load Balancers are not applicable.',
    ko: 'ALB는 HTTP 리스너의 기본 작업이 HTTPS로의 리디렉션이 아니면 실패입니다. 클래식 로드 밸런서는 HTTP 리스너가 있고 HTTPS나 SSL 리스너가 없으면 실패입니다. NLB와 게이트웨이 로드 밸런서는 해당 없음입니다.',
  },
  remediation: {
    why: {
      en: 'Requests over plain HTTP — cookies, tokens, form data — can be read and changed by anyone on the network path.',
      ko: '암호화되지 않은 HTTP 요청의 쿠키, 토큰, 양식 데이터는 네트워크 경로에 있는 누구나 읽고 바꿀 수 있습니다.',
    },
    steps: {
      en: [
        'Make sure an HTTPS listener with a certificate exists (ACM issues public certificates for free).',
        'EC2 → Load balancers → the load balancer → Listeners → the HTTP listener → Edit → Default action: Redirect to URL, protocol HTTPS, port 443, status 301 → Save.',
      ],
      ko: [
        '인증서가 있는 HTTPS 리스너가 있는지 확인하세요(ACM은 공인 인증서를 무료로 발급합니다).',
        'EC2 → 로드 밸런서 → 해당 로드 밸런서 → 리스너 → HTTP 리스너 → 편집 → 기본 작업: URL로 리디렉션, 프로토콜 HTTPS, 포트 443, 상태 코드 301 → 저장.',
      ],
    },
    commands: [
      'aws elbv2 modify-listener --listener-arn <HTTP_LISTENER_ARN> --default-actions "Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}" --region {{region}}',
    ],
  },
  docs: [ELB_DOCS.v2, ELB_DOCS.classic],
  // ISMS-P: encryption in transit is 2.7.1; 2.10.5 is about transfers agreed with other organizations.
  compliance: { fsbp: ['ELB.1', 'ELB.3'], ismsp: ['2.7.1'] },
  requires: ['elb.load-balancers'],
  requiresFields: { 'elb.load-balancers': ['listeners'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'elb.load-balancers', (lb): Verdict => {
      if (lb.type === 'network' || lb.type === 'gateway') {
        return notForType(lb, { en: 'the HTTPS-only rule', ko: 'HTTPS 전용' });
      }
      const label = lbLabel(lb);
      const plain = plainHttpListeners(lb);
      return passOrFail(
        plain.length === 0,
        {
          en: `${label.en} serves no plain HTTP.`,
          ko: `${label.ko}${particle(lb.loadBalancerName, '은/는')} 암호화되지 않은 HTTP를 제공하지 않습니다.`,
        },
        {
          en: `${label.en} serves plain HTTP on ${plain.join(', ')}: redirect it to HTTPS.`,
          ko: `${label.ko}${particle(lb.loadBalancerName, '은/는')} ${plain.join(', ')}에서 암호화되지 않은 HTTP를 제공합니다. HTTPS로 리디렉션하세요.`,
        },
        plain.length > 0 ? { plainHttpListeners: plain.join(', ') } : undefined,
      );
    });
  },
});
