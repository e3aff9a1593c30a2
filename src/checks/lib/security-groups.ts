import { particle } from '../../core/korean.js';
import type { Ec2SecurityGroup, SecurityGroupRule } from '../../core/records.js';
import type { LocalizedText } from '../../core/services.js';
import type { FindingDraft } from '../types.js';
import { labelOf } from './text.js';

export const WORLD_CIDRS = ['0.0.0.0/0', '::/0'];

/** The world CIDRs ("0.0.0.0/0", "::/0") a rule opens to. */
export function worldSources(rule: SecurityGroupRule): string[] {
  return [...rule.ipv4Ranges, ...rule.ipv6Ranges].filter((c) => WORLD_CIDRS.includes(c));
}

export function isAllProtocols(rule: SecurityGroupRule): boolean {
  return rule.protocol === '-1' || rule.protocol === 'all';
}

/** True when the rule lets `protocol` traffic to `port` in (all-protocol rules cover every port). */
export function ruleCoversPort(rule: SecurityGroupRule, protocol: 'tcp' | 'udp', port: number): boolean {
  if (isAllProtocols(rule)) return true;
  const p = rule.protocol.toLowerCase();
  const matches = p === protocol || (protocol === 'tcp' && p === '6') || (protocol === 'udp' && p === '17');
  if (!matches) return false;
  if (rule.fromPort === undefined || rule.toPort === undefined) return true;
  return rule.fromPort <= port && port <= rule.toPort;
}

export function describeRule(rule: SecurityGroupRule): LocalizedText {
  const from = worldSources(rule).join(', ');
  if (isAllProtocols(rule)) {
    return { en: `all protocols and ports from ${from}`, ko: `모든 프로토콜과 포트(출발지 ${from})` };
  }
  const range =
    rule.fromPort === undefined
      ? undefined
      : rule.fromPort === rule.toPort
        ? `${rule.fromPort}`
        : `${rule.fromPort}-${rule.toPort}`;
  return range === undefined
    ? { en: `${rule.protocol} all ports from ${from}`, ko: `${rule.protocol} 모든 포트(출발지 ${from})` }
    : {
        en: `${rule.protocol} ${range.includes('-') ? 'ports' : 'port'} ${range} from ${from}`,
        ko: `${rule.protocol} 포트 ${range}(출발지 ${from})`,
      };
}

/** Evaluates every group: `offending` returns the world-open rules' descriptions that break the rule. */
export function evaluateGroups(
  groups: readonly Ec2SecurityGroup[],
  offending: (rule: SecurityGroupRule) => LocalizedText | undefined,
  what: { en: string; ko: string },
): FindingDraft[] {
  return groups.map((g) => {
    const label = labelOf(g.groupId, g.groupName);
    const problems = g.ingress.filter((r) => worldSources(r).length > 0).flatMap((r) => offending(r) ?? []);
    const base = { resourceId: g.groupId, resourceArn: g.arn, resourceName: g.groupName, region: g.region };
    if (problems.length === 0) {
      return {
        ...base,
        status: 'pass' as const,
        message: {
          en: `${label} does not open ${what.en} to the internet.`,
          ko: `${label}${particle(label, '은/는')} ${what.ko}${particle(what.ko, '을/를')} 인터넷에 열지 않습니다.`,
        },
      };
    }
    const list = { en: problems.map((p) => p.en).join('; '), ko: problems.map((p) => p.ko).join('; ') };
    return {
      ...base,
      status: 'fail' as const,
      details: { openRules: list.en, vpcId: g.vpcId ?? null },
      message: {
        en: `${label} opens ${what.en} to the internet: ${list.en}. Restrict the source to known addresses.`,
        ko: `${label}${particle(label, '이/가')} ${what.ko}${particle(what.ko, '을/를')} 인터넷에 열어 두었습니다: ${list.ko}. 허용 출발지를 알려진 주소로 제한하세요.`,
      },
    };
  });
}

export const SG_DOCS = [
  'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-rules-reference.html',
];
