import { particle } from '../../core/korean.js';
import { passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'secretsmanager-rotation-enabled',
  service: 'secretsmanager',
  category: 'security',
  severity: 'medium',
  title: { en: 'Secrets are rotated automatically', ko: '보안 암호가 자동으로 교체됨' },
  failureLabel: { en: 'Secrets without automatic rotation', ko: '자동 교체가 꺼진 보안 암호' },
  description: {
    en: 'Fails when RotationEnabled is false: the secret keeps the same value until someone changes it by hand.',
    ko: 'RotationEnabled가 false이면 누군가 직접 바꿀 때까지 보안 암호 값이 그대로 유지되므로 실패입니다.',
  },
  remediation: {
    why: {
      en: 'A leaked password or key stays valid for as long as nobody rotates it.',
      ko: '유출된 암호나 키는 아무도 교체하지 않는 한 계속 유효합니다.',
    },
    steps: {
      en: [
        'Make sure the applications read the secret from Secrets Manager at run time (not a copy in configuration), so a new value reaches them.',
        'Secrets Manager → Secrets → the secret → Rotation → Edit rotation → Automatic rotation on → schedule and rotation function → Save.',
      ],
      ko: [
        '애플리케이션이 설정 파일의 사본이 아니라 실행 중에 Secrets Manager에서 보안 암호를 읽는지 먼저 확인하세요. 그래야 새 값이 전달됩니다.',
        'Secrets Manager → 보안 암호 → 해당 보안 암호 → 교체 → 교체 편집 → 자동 교체 켜기 → 일정과 교체 함수 지정 → 저장.',
      ],
    },
    commands: [
      'aws secretsmanager rotate-secret --secret-id {{resourceId}} --rotation-lambda-arn <ROTATION_FUNCTION_ARN> --rotation-rules AutomaticallyAfterDays=30 --region {{region}}',
    ],
  },
  docs: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html'],
  compliance: { fsbp: ['SecretsManager.1'], ismsp: ['2.5.4'] },
  requires: ['secretsmanager.secrets'],
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'secretsmanager.secrets', (secret) =>
      passOrFail(
        secret.rotationEnabled,
        {
          en: `Secret ${secret.name} is rotated automatically.`,
          ko: `보안 암호 ${secret.name}${particle(secret.name, '은/는')} 자동으로 교체됩니다.`,
        },
        {
          en: `Secret ${secret.name} has no automatic rotation.`,
          ko: `보안 암호 ${secret.name}${particle(secret.name, '은/는')} 자동 교체가 꺼져 있습니다.`,
        },
      ),
    );
  },
});
