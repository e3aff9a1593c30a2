import { describeRule, evaluateGroups, ruleCoversPort, SG_DOCS } from '../lib/security-groups.js';
import { defineCheck } from '../types.js';

/** SSH and RDP: CIS AWS Foundations 5.2/5.3. */
const ADMIN_PORTS = [22, 3389];

export default defineCheck({
  id: 'ec2-securitygroup-admin-ports-restricted',
  service: 'ec2',
  category: 'security',
  severity: 'high',
  title: {
    en: 'Security groups do not open SSH or RDP to the internet',
    ko: '보안 그룹이 SSH·RDP를 인터넷에 열지 않음',
  },
  failureLabel: {
    en: 'Security groups open to SSH or RDP from the internet',
    ko: 'SSH·RDP를 인터넷에 연 보안 그룹',
  },
  description: {
    en: 'Inbound TCP 22 (SSH) or 3389 (RDP) from 0.0.0.0/0 or ::/0 exposes instances to constant brute-force and exploit attempts.',
    ko: '0.0.0.0/0 또는 ::/0 에서 들어오는 TCP 22(SSH)·3389(RDP)는 인스턴스를 지속적인 무차별 대입과 취약점 공격에 노출합니다.',
  },
  remediation: {
    why: {
      en: 'SSH and RDP open to the internet are scanned within minutes and face constant password and exploit attempts.',
      ko: '인터넷에 열린 SSH와 RDP는 몇 분 안에 스캔되고, 암호 대입과 취약점 공격을 끊임없이 받습니다.',
    },
    steps: {
      en: [
        'EC2 → Security Groups → select the group → Inbound rules → Edit inbound rules → change the source from 0.0.0.0/0 or ::/0 to your office or VPN CIDR or a security group (or delete the rule) → Save rules.',
        'Prefer Systems Manager Session Manager or EC2 Instance Connect to open ports.',
      ],
      ko: [
        'EC2 → 보안 그룹 → 그룹 선택 → 인바운드 규칙 → 인바운드 규칙 편집 → 소스를 0.0.0.0/0 또는 ::/0에서 사무실·VPN CIDR이나 보안 그룹으로 변경(또는 규칙 삭제) → 규칙 저장.',
        '포트를 여는 대신 Systems Manager Session Manager나 EC2 Instance Connect를 쓰세요.',
      ],
    },
    commands: [
      'aws ec2 revoke-security-group-ingress --group-id {{resourceId}} --protocol tcp --port 22 --cidr 0.0.0.0/0 --region {{region}}',
      'aws ec2 revoke-security-group-ingress --group-id {{resourceId}} --protocol tcp --port 3389 --cidr 0.0.0.0/0 --region {{region}}',
    ],
  },
  compliance: {
    cis: ['5.3', '5.4'],
    fsbp: ['EC2.13', 'EC2.14', 'EC2.19', 'EC2.53', 'EC2.54'],
    ismsp: ['2.6.1', '2.6.2', '2.6.6'],
  },
  docs: SG_DOCS,
  requires: ['ec2.security-groups'],
  settings: {},
  evaluate(ctx) {
    return evaluateGroups(
      ctx.records('ec2.security-groups'),
      (rule) => (ADMIN_PORTS.some((p) => ruleCoversPort(rule, 'tcp', p)) ? describeRule(rule) : undefined),
      { en: 'SSH/RDP (TCP 22, 3389)', ko: 'SSH/RDP(TCP 22, 3389)' },
    );
  },
});
