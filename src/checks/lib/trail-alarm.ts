import type { ComplianceMapping } from '../../core/compliance.js';
/**
 * The CIS monitoring checks: a log group that receives a multi-region, logging trail has a metric
 * filter whose pattern holds every token (whitespace removed from both), and an alarm on that
 * filter's metric with at least one action. One finding per account.
 */
import { particle } from '../../core/korean.js';
import type { CloudWatchAlarm, CloudWatchMetricFilter } from '../../core/records/cloudwatch.js';
import type { LocalizedText, Severity } from '../../core/services.js';
import { type CheckDefinition, defineCheck } from '../types.js';
import { accountFinding, loggingMultiRegionTrails } from './cloudtrail.js';

const squash = (text: string) => text.replace(/\s+/g, '');

/** Log group name and region of `arn:aws:logs:<region>:<account>:log-group:<name>[:*]`. */
export function logGroupOf(arn: string): { region: string; name: string } | undefined {
  const match = /^arn:[^:]+:logs:([^:]+):[^:]*:log-group:(.+?)(:\*)?$/.exec(arn);
  return match?.[1] && match[2] ? { region: match[1], name: match[2] } : undefined;
}

export function filterHasTokens(filter: CloudWatchMetricFilter, tokens: readonly string[]): boolean {
  const pattern = squash(filter.filterPattern);
  return tokens.every((t) => pattern.includes(squash(t)));
}

function alarmOn(
  filter: CloudWatchMetricFilter,
  alarms: readonly CloudWatchAlarm[],
): CloudWatchAlarm | undefined {
  return alarms.find(
    (a) =>
      a.region === filter.region &&
      a.alarmActions.length > 0 &&
      filter.metricTransformations.some(
        (t) => t.metricName === a.metricName && t.metricNamespace === a.namespace,
      ),
  );
}

export interface TrailAlarmSpec {
  id: string;
  severity: Severity;
  tokens: readonly string[];
  /** What the filter watches, e.g. { en: 'root user activity', ko: '루트 사용자 활동' }. */
  watches: LocalizedText;
  title: LocalizedText;
  failureLabel: LocalizedText;
  why: LocalizedText;
  /** The filter pattern to suggest in the remediation. */
  pattern: string;
  compliance: ComplianceMapping;
}

export function defineTrailAlarmCheck(spec: TrailAlarmSpec): CheckDefinition<Record<never, number>> {
  const tokens = spec.tokens.join(', ');
  return defineCheck({
    id: spec.id,
    service: 'cloudwatch',
    category: 'security',
    severity: spec.severity,
    title: spec.title,
    failureLabel: spec.failureLabel,
    description: {
      en: `${spec.why.en} Passes when a log group that receives a multi-region, logging trail has a metric filter whose pattern contains ${tokens} (whitespace ignored) and an alarm on that filter's metric has at least one alarm action.`,
      ko: `${spec.why.ko} 기록 중인 다중 리전 추적이 보내는 로그 그룹에 패턴이 ${tokens}${particle(tokens, '을/를')} 모두 포함하는(공백 무시) 지표 필터가 있고, 그 필터의 지표에 경보 작업이 하나 이상인 경보가 있으면 통과입니다.`,
    },
    remediation: {
      why: spec.why,
      steps: {
        en: [
          `CloudWatch → Log groups → the trail's log group → Metric filters → Create metric filter → pattern ${spec.pattern} → name the metric (for example in namespace CISBenchmark).`,
          'Alarms → Create alarm on that metric, threshold 1 or more, with an SNS topic as the action.',
        ],
        ko: [
          `CloudWatch → 로그 그룹 → 추적의 로그 그룹 → 지표 필터 → 지표 필터 생성 → 패턴 ${spec.pattern} → 지표 이름을 정하세요(예: 네임스페이스 "CISBenchmark").`,
          '경보 → 그 지표로 경보를 만들고, 임곗값은 1 이상, 작업으로는 SNS 주제를 지정하세요.',
        ],
      },
      commands: [
        `aws logs put-metric-filter --log-group-name <LOG_GROUP> --filter-name ${spec.id} --metric-transformations metricName=${spec.id},metricNamespace=CISBenchmark,metricValue=1 --filter-pattern '${spec.pattern}' --region {{region}}`,
        `aws cloudwatch put-metric-alarm --alarm-name ${spec.id} --metric-name ${spec.id} --namespace CISBenchmark --statistic Sum --period 300 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --evaluation-periods 1 --alarm-actions <SNS_TOPIC_ARN> --region {{region}}`,
      ],
    },
    compliance: spec.compliance,
    docs: [
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/MonitoringPolicyExamples.html',
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html',
    ],
    requires: ['cloudwatch.metric-filters', 'cloudwatch.alarms', 'cloudtrail.trails'],
    settings: {},
    evaluate(ctx) {
      const groups = loggingMultiRegionTrails(ctx.records('cloudtrail.trails')).flatMap((t) => {
        const group = t.cloudWatchLogsLogGroupArn ? logGroupOf(t.cloudWatchLogsLogGroupArn) : undefined;
        return group ? [group] : [];
      });
      if (groups.length === 0) {
        return [
          accountFinding(ctx, {
            status: 'fail',
            message: {
              en: "No multi-region trail sends to CloudWatch Logs, so nothing can alarm on the account's API activity.",
              ko: 'CloudWatch Logs로 보내는 다중 리전 추적이 없어 계정의 API 활동에 경보를 걸 수 없습니다.',
            },
          }),
        ];
      }
      const alarms = ctx.records('cloudwatch.alarms');
      const filters = ctx
        .records('cloudwatch.metric-filters')
        .filter((f) => groups.some((g) => g.region === f.region && g.name === f.logGroupName))
        .filter((f) => filterHasTokens(f, spec.tokens));
      const hit = filters.flatMap((f) => {
        const alarm = alarmOn(f, alarms);
        return alarm ? [{ filter: f, alarm }] : [];
      })[0];
      if (hit) {
        return [
          accountFinding(ctx, {
            status: 'pass',
            details: { metricFilter: hit.filter.filterName, alarm: hit.alarm.alarmName },
            message: {
              en: `Alarm ${hit.alarm.alarmName} watches ${spec.watches.en} through metric filter ${hit.filter.filterName}.`,
              ko: `경보 ${hit.alarm.alarmName}${particle(hit.alarm.alarmName, '이/가')} 지표 필터 ${hit.filter.filterName}${particle(hit.filter.filterName, '을/를')} 통해 ${spec.watches.ko}${particle(spec.watches.ko, '을/를')} 감시합니다.`,
            },
          }),
        ];
      }
      const names = groups.map((g) => g.name).join(', ');
      const filterNames = filters.map((f) => f.filterName).join(', ');
      return [
        accountFinding(ctx, {
          status: 'fail',
          message:
            filters.length > 0
              ? {
                  en: `Metric filter ${filterNames} matches ${spec.watches.en}, but no alarm with an action watches its metric.`,
                  ko: `지표 필터 ${filterNames}${particle(filterNames, '이/가')} ${spec.watches.ko}${particle(spec.watches.ko, '을/를')} 잡지만, 그 지표에 작업이 있는 경보가 없습니다.`,
                }
              : {
                  en: `No metric filter on the trail log group(s) ${names} matches ${spec.watches.en}.`,
                  ko: `추적 로그 그룹 ${names}에 ${spec.watches.ko}${particle(spec.watches.ko, '을/를')} 잡는 지표 필터가 없습니다.`,
                },
        }),
      ];
    },
  });
}
