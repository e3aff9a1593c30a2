import { particle } from '../../core/korean.js';
import { perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'lambda-function-code-signing',
  service: 'lambda',
  category: 'security',
  severity: 'low',
  title: { en: 'Lambda function enforces code signing', ko: 'Lambda 함수에 코드 서명이 적용됨' },
  failureLabel: { en: 'Lambda functions without code signing', ko: '코드 서명이 없는 Lambda 함수' },
  description: {
    en: 'A code signing configuration makes Lambda accept only code packages signed by trusted publishers. Fails when the function has no CodeSigningConfigArn. Container-image functions cannot use Lambda code signing and are not applicable.',
    ko: '코드 서명 구성을 두면 Lambda가 신뢰할 수 있는 게시자가 서명한 코드 패키지만 받습니다. CodeSigningConfigArn이 없으면 실패입니다. 컨테이너 이미지 함수는 Lambda 코드 서명을 쓸 수 없어 해당 없음입니다.',
  },
  remediation: {
    why: {
      en: 'Without code signing, anyone who can update the function can deploy code that was never reviewed.',
      ko: '코드 서명이 없으면 함수를 수정할 수 있는 누구나 검토되지 않은 코드를 배포할 수 있습니다.',
    },
    steps: {
      en: [
        'Create a signing profile in AWS Signer; Lambda → Code signing configurations → Create (allowed publisher = the profile, policy Enforce).',
        'Lambda → the function → Configuration → Code signing → Edit → choose the configuration → Save; sign packages with aws signer start-signing-job before deploying.',
      ],
      ko: [
        'AWS Signer에서 서명 프로필을 만들고, Lambda → 코드 서명 구성 → 생성(허용 게시자 = 해당 프로필, 정책 Enforce).',
        'Lambda → 해당 함수 → 구성 → 코드 서명 → 편집 → 구성 선택 → 저장. 배포 전에 aws signer start-signing-job으로 패키지에 서명하세요.',
      ],
    },
    commands: [
      'aws lambda create-code-signing-config --allowed-publishers SigningProfileVersionArns=<PROFILE_VERSION_ARN> --code-signing-policies UntrustedArtifactOnDeployment=Enforce --region {{region}}',
      'aws lambda put-function-code-signing-config --function-name {{resourceId}} --code-signing-config-arn <CSC_ARN> --region {{region}}',
    ],
  },
  compliance: { ismsp: ['2.8.6'] },
  docs: ['https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html'],
  requires: ['lambda.functions'],
  requiresFields: { 'lambda.functions': ['codeSigningConfigArn'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'lambda.functions', (fn) => {
      if (fn.packageType === 'Image') {
        return {
          status: 'not_applicable',
          message: {
            en: `Function ${fn.functionName} is a container image; Lambda code signing applies to .zip packages only.`,
            ko: `함수 ${fn.functionName}${particle(fn.functionName, '은/는')} 컨테이너 이미지입니다. Lambda 코드 서명은 ZIP 패키지에만 적용됩니다.`,
          },
        };
      }
      if (fn.codeSigningConfigArn) {
        return {
          status: 'pass',
          details: { codeSigningConfigArn: fn.codeSigningConfigArn },
          message: {
            en: `Function ${fn.functionName} uses code signing configuration ${fn.codeSigningConfigArn}.`,
            ko: `함수 ${fn.functionName}${particle(fn.functionName, '은/는')} 코드 서명 구성 ${fn.codeSigningConfigArn}${particle(fn.codeSigningConfigArn, '을/를')} 사용합니다.`,
          },
        };
      }
      return {
        status: 'fail',
        message: {
          en: `Function ${fn.functionName} has no code signing configuration.`,
          ko: `함수 ${fn.functionName}에 코드 서명 구성이 없습니다.`,
        },
      };
    });
  },
});
