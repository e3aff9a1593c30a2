/** What the ELB checks share: how a load balancer is named in messages and its type in both languages. */
import type { ElbListener, ElbLoadBalancer } from '../../core/records/elb.js';
import type { LocalizedText } from '../../core/services.js';
import { missingFromCollection, passOrFail, type Verdict } from './per-resource.js';

const TYPE_NAMES: Record<ElbLoadBalancer['type'], LocalizedText> = {
  application: { en: 'ALB', ko: 'ALB' },
  network: { en: 'NLB', ko: 'NLB' },
  gateway: { en: 'Gateway Load Balancer', ko: '게이트웨이 로드 밸런서' },
  classic: { en: 'Classic Load Balancer', ko: '클래식 로드 밸런서' },
};

export function lbTypeName(type: ElbLoadBalancer['type']): LocalizedText {
  return TYPE_NAMES[type];
}

/** "ALB web" / "클래식 로드 밸런서 legacy". */
export function lbLabel(lb: ElbLoadBalancer): LocalizedText {
  const type = TYPE_NAMES[lb.type];
  return { en: `${type.en} ${lb.loadBalancerName}`, ko: `${type.ko} ${lb.loadBalancerName}` };
}

/** `not_applicable` for load balancer types a rule does not cover. */
export function notForType(lb: ElbLoadBalancer, rule: LocalizedText): Verdict {
  const label = lbLabel(lb);
  return {
    status: 'not_applicable',
    message: {
      en: `${label.en}: ${rule.en} does not apply to this load balancer type.`,
      ko: `${label.ko}: ${rule.ko} 규칙은 이 유형의 로드 밸런서에 해당하지 않습니다.`,
    },
  };
}

export function listenerText(listener: ElbListener): string {
  return `${listener.protocol}:${listener.port ?? '?'}`;
}

export const ELB_DOCS = {
  v2: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html',
  classic: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html',
};

/** The elbv2 attributes the checks read as "on or off". */
export type ElbSwitchAttribute =
  | 'deletionProtectionEnabled'
  | 'dropInvalidHeaderFields'
  | 'accessLogsEnabled';

/**
 * Pass when a load balancer's on/off attribute is on, fail when off, `unknown` when the attribute
 * was not collected (`field` names it in that message: "the access log attribute").
 */
export function lbSwitchVerdict(
  lb: ElbLoadBalancer,
  attribute: ElbSwitchAttribute,
  field: LocalizedText,
  messages: (label: LocalizedText) => { on: LocalizedText; off: LocalizedText },
): Verdict {
  const label = lbLabel(lb);
  const value = lb[attribute];
  if (value === undefined) return missingFromCollection(label, field);
  const { on, off } = messages(label);
  return passOrFail(value, on, off);
}
