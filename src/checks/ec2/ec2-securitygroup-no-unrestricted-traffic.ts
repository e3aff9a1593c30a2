import { describeRule, evaluateGroups, isAllProtocols, SG_DOCS } from '../lib/security-groups.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ec2-securitygroup-no-unrestricted-traffic',
  service: 'ec2',
  category: 'security',
  severity: 'critical',
  title: {
    en: 'Security groups do not allow all traffic from the internet',
    ko: '보안 그룹이 인터넷의 모든 트래픽을 허용하지 않음',
  },
  failureLabel: {
    en: 'Security groups allowing all traffic from the internet',
    ko: '인터넷의 모든 트래픽을 허용하는 보안 그룹',
  },
  description: {
    en: 'An inbound rule for all protocols (-1) or all ports 0–65535 from 0.0.0.0/0 or ::/0 exposes every service on the attached resources.',
    ko: '0.0.0.0/0 또는 ::/0 에서 모든 프로토콜(-1)이나 모든 포트(0–65535)를 허용하는 인바운드 규칙은 연결된 리소스의 모든 서비스를 노출합니다.',
  },
  remediation: {
    why: {
      en: 'Every port of every instance in the group is reachable from the whole internet.',
      ko: '이 그룹에 속한 모든 인스턴스의 모든 포트가 인터넷 전체에서 접근 가능합니다.',
    },
    steps: {
      en: [
        'EC2 → Security Groups → select the group → Inbound rules → Edit inbound rules → replace the all-traffic rule with rules for the ports actually needed, from known sources → Save rules.',
      ],
      ko: [
        'EC2 → 보안 그룹 → 그룹 선택 → 인바운드 규칙 → 인바운드 규칙 편집 → 모든 트래픽 규칙을 실제로 필요한 포트와 알려진 소스만 허용하는 규칙으로 교체 → 규칙 저장.',
      ],
    },
    commands: [
      "aws ec2 revoke-security-group-ingress --group-id {{resourceId}} --ip-permissions 'IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]' --region {{region}}",
      "aws ec2 revoke-security-group-ingress --group-id {{resourceId}} --ip-permissions 'IpProtocol=-1,Ipv6Ranges=[{CidrIpv6=::/0}]' --region {{region}}",
    ],
  },
  // Not CIS 5.1.2: only all-port rules are judged here, so a rule for port 445 alone passes.
  compliance: {
    cis: ['5.3', '5.4'],
    fsbp: ['EC2.13', 'EC2.14', 'EC2.18', 'EC2.19', 'EC2.53', 'EC2.54'],
    ismsp: ['2.6.1', '2.6.2', '2.6.4', '2.6.6'],
  },
  docs: SG_DOCS,
  requires: ['ec2.security-groups'],
  settings: {},
  evaluate(ctx) {
    return evaluateGroups(
      ctx.records('ec2.security-groups'),
      (rule) =>
        isAllProtocols(rule) || (rule.fromPort === 0 && rule.toPort === 65535)
          ? describeRule(rule)
          : undefined,
      { en: 'all traffic', ko: '모든 트래픽' },
    );
  },
});
