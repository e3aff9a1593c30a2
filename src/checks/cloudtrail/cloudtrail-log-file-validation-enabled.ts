import { trailSubject } from '../lib/cloudtrail.js';
import { passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'cloudtrail-log-file-validation-enabled',
  service: 'cloudtrail',
  category: 'security',
  severity: 'medium',
  title: { en: 'Trail has log file validation on', ko: '추적의 로그 파일 검증이 켜져 있음' },
  failureLabel: { en: 'Trails without log file validation', ko: '로그 파일 검증이 꺼진 추적' },
  description: {
    en: 'With log file validation, CloudTrail writes signed digest files, so you can prove a log file was not changed or deleted after delivery. Fails when LogFileValidationEnabled is false.',
    ko: '로그 파일 검증을 켜면 CloudTrail이 서명된 다이제스트 파일을 함께 기록하므로, 전달된 로그 파일이 나중에 바뀌거나 삭제되지 않았음을 증명할 수 있습니다. LogFileValidationEnabled가 false이면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Without log file validation, a changed or deleted log file cannot be detected.',
      ko: '로그 파일 검증이 없으면 로그 파일이 바뀌거나 삭제되어도 알아낼 수 없습니다.',
    },
    steps: {
      en: [
        'CloudTrail → Trails → the trail → General details → Edit → Additional settings → Log file validation: Enabled → Save changes.',
        "Run the command in the trail's home region.",
      ],
      ko: [
        'CloudTrail → 추적 → 해당 추적 → 일반 세부 정보 → 편집 → 추가 설정 → 로그 파일 검증: 활성화 → 변경 사항 저장.',
        '명령은 추적의 홈 리전에서 실행하세요.',
      ],
    },
    commands: [
      'aws cloudtrail update-trail --name {{resourceId}} --enable-log-file-validation --region {{region}}',
    ],
  },
  compliance: { cis: ['3.2'], fsbp: ['CloudTrail.4'], ismsp: ['2.9.4'] },
  docs: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html',
  ],
  requires: ['cloudtrail.trails'],
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'cloudtrail.trails', (trail) => {
      const s = trailSubject(trail);
      return passOrFail(
        trail.logFileValidationEnabled,
        { en: `${s.en}: log file validation is on.`, ko: `${s.ko}: 로그 파일 검증이 켜져 있습니다.` },
        {
          en: `${s.en}: log file validation is off, so changes to delivered logs cannot be detected.`,
          ko: `${s.ko}: 로그 파일 검증이 꺼져 있어 전달된 로그가 바뀌어도 알아낼 수 없습니다.`,
        },
      );
    });
  },
});
