import { particle } from '../../core/korean.js';
import { daysBetween } from '../lib/metrics.js';
import { labelOf } from '../lib/text.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ebs-volume-recent-snapshot',
  service: 'ec2',
  category: 'fault_tolerance',
  severity: 'medium',
  title: { en: 'Attached EBS volumes have a recent snapshot', ko: '연결된 EBS 볼륨에 최근 스냅샷이 있음' },
  failureLabel: {
    en: 'Attached EBS volumes without a recent snapshot',
    ko: '최근 스냅샷이 없는 연결된 EBS 볼륨',
  },
  description: {
    en: 'A volume without a recent snapshot cannot be restored after deletion, corruption or an Availability Zone failure.',
    ko: '최근 스냅샷이 없는 볼륨은 삭제, 손상, 가용 영역 장애 후 복구할 수 없습니다.',
  },
  remediation: {
    why: {
      en: 'Without a recent snapshot, a deleted file, a failed volume or ransomware means losing the data written since the last one.',
      ko: '최근 스냅샷이 없으면 파일 삭제, 볼륨 장애, 랜섬웨어가 생겼을 때 마지막 스냅샷 이후의 데이터를 잃습니다.',
    },
    steps: {
      en: [
        'Automate snapshots: EC2 → Lifecycle Manager → Create lifecycle policy → target the volumes by tag → daily schedule with retention (or AWS Backup → Create backup plan).',
        'Take a snapshot now with the command below.',
      ],
      ko: [
        '스냅샷을 자동화하세요. EC2 → 수명 주기 관리자 → 수명 주기 정책 생성 → 태그로 볼륨 지정 → 일일 일정과 보존 기간 설정 (또는 AWS Backup → 백업 계획 생성).',
        '지금 바로 아래 명령으로 스냅샷을 만드세요.',
      ],
    },
    commands: [
      'aws ec2 create-snapshot --volume-id {{resourceId}} --description "manual backup" --region {{region}}',
    ],
  },
  compliance: { ismsp: ['2.9.3'] },
  docs: [
    'https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-lifecycle.html',
    'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-creating-snapshot.html',
  ],
  requires: ['ec2.volumes', 'ec2.snapshots'],
  settings: {
    warnAfterDays: {
      default: 7,
      min: 1,
      max: 365,
      unit: 'days',
      description: {
        en: 'Newest snapshot older than this → warning',
        ko: '최신 스냅샷이 이보다 오래되면 경고',
      },
    },
    failAfterDays: {
      default: 30,
      min: 1,
      max: 3650,
      unit: 'days',
      description: {
        en: 'Newest snapshot older than this (or none) → fail',
        ko: '최신 스냅샷이 이보다 오래되었거나 없으면 실패',
      },
    },
  },
  evaluate(ctx) {
    const { warnAfterDays, failAfterDays } = ctx.settings;
    const newest = new Map<string, string>();
    for (const s of ctx.records('ec2.snapshots')) {
      // A pending or failed snapshot cannot be restored from.
      if (!s.volumeId || !s.startTime || (s.state !== undefined && s.state !== 'completed')) continue;
      const key = `${s.region}/${s.volumeId}`;
      const current = newest.get(key);
      if (!current || Date.parse(s.startTime) > Date.parse(current)) newest.set(key, s.startTime);
    }
    return ctx
      .records('ec2.volumes')
      .filter((v) => v.state === 'in-use')
      .map((v) => {
        const label = labelOf(v.volumeId, v.name);
        const base = { resourceId: v.volumeId, resourceArn: v.arn, resourceName: v.name, region: v.region };
        const latest = newest.get(`${v.region}/${v.volumeId}`);
        if (!latest) {
          return {
            ...base,
            status: 'fail' as const,
            details: { newestSnapshotAgeDays: null, newestSnapshotTime: null },
            message: {
              en: `${label} is attached but has no snapshot: schedule snapshots with Data Lifecycle Manager or AWS Backup.`,
              ko: `${label}${particle(label, '은/는')} 사용 중이지만 스냅샷이 없습니다. Data Lifecycle Manager나 AWS Backup으로 스냅샷을 예약하세요.`,
            },
          };
        }
        const age = daysBetween(latest, ctx.now);
        const status =
          age > failAfterDays
            ? ('fail' as const)
            : age > warnAfterDays
              ? ('warning' as const)
              : ('pass' as const);
        return {
          ...base,
          status,
          details: { newestSnapshotAgeDays: age, newestSnapshotTime: latest },
          message:
            status === 'pass'
              ? {
                  en: `${label}: newest snapshot is ${age} day(s) old.`,
                  ko: `${label}: 최신 스냅샷은 ${age}일 전에 만들어졌습니다.`,
                }
              : {
                  en: `${label}: newest snapshot is ${age} days old (limit ${status === 'fail' ? failAfterDays : warnAfterDays} days): take snapshots more often.`,
                  ko: `${label}: 최신 스냅샷이 ${age}일 전 것입니다 (기준 ${status === 'fail' ? failAfterDays : warnAfterDays}일). 스냅샷 주기를 늘리세요.`,
                },
        };
      });
  },
});
