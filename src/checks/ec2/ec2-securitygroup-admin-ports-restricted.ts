import {
  describeRule,
  evaluateGroups,
  ruleCoversPort,
  SG_DOCS,
  sgRemediation,
} from '../lib/security-groups.js';
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
  remediation: sgRemediation('--protocol tcp --port 22 --cidr 0.0.0.0/0'),
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
