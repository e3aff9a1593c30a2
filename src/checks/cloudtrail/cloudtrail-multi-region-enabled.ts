import { particle } from '../../core/korean.js';
import { accountFinding, isAccountWideTrail, trailCollectionIncomplete } from '../lib/cloudtrail.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'cloudtrail-multi-region-enabled',
  service: 'cloudtrail',
  category: 'security',
  severity: 'high',
  title: {
    en: 'A multi-region trail logs all management events',
    ko: '다중 리전 추적이 모든 관리 이벤트를 기록함',
  },
  failureLabel: {
    en: 'Account without a logging multi-region trail',
    ko: '기록 중인 다중 리전 추적이 없는 계정',
  },
  description: {
    en: 'Without a multi-region trail that is logging and records management events (reads and writes), API activity in some regions leaves no record for investigations. Fails when no trail has IsMultiRegionTrail, GetTrailStatus IsLogging, and event selectors with ReadWriteType All (or advanced selectors on eventCategory = Management without a readOnly filter).',
    ko: '기록 중이면서 관리 이벤트(읽기와 쓰기)를 모두 기록하는 다중 리전 추적이 없으면 일부 리전의 API 활동이 조사에 쓸 기록으로 남지 않습니다. IsMultiRegionTrail이 켜져 있고 GetTrailStatus의 IsLogging이 true이며 이벤트 선택기의 ReadWriteType이 "All"인(또는 고급 이벤트 선택기가 eventCategory = "Management"이고 readOnly 조건이 없는) 추적이 하나도 없으면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Without a logging multi-region trail, API activity in some regions is not recorded at all.',
      ko: '기록 중인 다중 리전 추적이 없으면 일부 리전의 API 활동이 전혀 남지 않습니다.',
    },
    steps: {
      en: [
        'CloudTrail → Trails → Create trail (or edit a trail) → apply to all regions → choose an S3 bucket.',
        'Management events: Read and Write → Create, then make sure logging is on.',
      ],
      ko: [
        'CloudTrail → 추적 → 추적 생성(또는 기존 추적 편집) → 모든 리전에 적용 → S3 버킷을 선택하세요.',
        '관리 이벤트에서 읽기와 쓰기를 모두 고르고 생성한 뒤, 로깅이 켜져 있는지 확인하세요.',
      ],
    },
    commands: [
      'aws cloudtrail create-trail --name <TRAIL_NAME> --s3-bucket-name <LOG_BUCKET> --is-multi-region-trail',
      'aws cloudtrail put-event-selectors --trail-name <TRAIL_NAME> --event-selectors \'[{"ReadWriteType":"All","IncludeManagementEvents":true}]\'',
      'aws cloudtrail start-logging --name <TRAIL_NAME>',
    ],
  },
  compliance: { cis: ['3.1'], fsbp: ['CloudTrail.1'], ismsp: ['2.9.4'] },
  docs: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html',
  ],
  requires: ['cloudtrail.trails'],
  settings: {},
  evaluate(ctx) {
    const trails = ctx.records('cloudtrail.trails');
    const judged = trails.map((t) => ({ trail: t, ok: isAccountWideTrail(t) }));
    const good = judged.find((j) => j.ok === true);
    if (good) {
      return [
        accountFinding(ctx, {
          status: 'pass',
          details: { trail: good.trail.arn },
          message: {
            en: `Multi-region trail ${good.trail.name} is logging all management events.`,
            ko: `다중 리전 추적 ${good.trail.name}${particle(good.trail.name, '이/가')} 모든 관리 이벤트를 기록하고 있습니다.`,
          },
        }),
      ];
    }
    const undecided = judged.filter((j) => j.ok === undefined).map((j) => j.trail.name);
    if (undecided.length > 0 || trailCollectionIncomplete(ctx)) {
      const names = undecided.join(', ');
      return [
        accountFinding(ctx, {
          status: 'unknown',
          message:
            undecided.length > 0
              ? {
                  en: `No trail is known to log all management events in every region; the status or event selectors of ${names} could not be collected.`,
                  ko: `모든 리전의 관리 이벤트를 기록하는 추적을 확인하지 못했습니다. ${names}의 상태나 이벤트 선택기를 수집하지 못했습니다.`,
                }
              : {
                  en: 'No logging multi-region trail was found, but trails could not be listed in every region.',
                  ko: '기록 중인 다중 리전 추적을 찾지 못했지만, 일부 리전에서 추적 목록을 가져오지 못했습니다.',
                },
        }),
      ];
    }
    return [
      accountFinding(ctx, {
        status: 'fail',
        details: { trails: trails.length },
        message: {
          en: `No multi-region trail is logging all management events (${trails.length} trail(s) checked).`,
          ko: `모든 관리 이벤트를 기록하는 다중 리전 추적이 없습니다(추적 ${trails.length}개 확인).`,
        },
      }),
    ];
  },
});
