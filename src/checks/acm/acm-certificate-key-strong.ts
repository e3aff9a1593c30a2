import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

/** RSA_1024 → 1024; undefined for EC keys (and anything that is not RSA). */
function rsaBits(algorithm: string): number | undefined {
  const match = /^RSA[_-]?(\d+)$/i.exec(algorithm);
  return match?.[1] ? Number(match[1]) : undefined;
}

export const MIN_RSA_BITS = 2048;

export default defineCheck({
  id: 'acm-certificate-key-strong',
  service: 'acm',
  category: 'security',
  severity: 'medium',
  title: { en: 'ACM certificates use strong keys', ko: 'ACM 인증서가 충분히 강한 키를 사용함' },
  failureLabel: { en: 'ACM certificates with weak RSA keys', ko: '약한 RSA 키를 사용하는 ACM 인증서' },
  description: {
    en: 'Fails when the key algorithm is RSA_1024 or any RSA key shorter than 2048 bits, which no longer resists a determined attacker and many clients refuse.',
    ko: '키 알고리즘이 RSA_1024이거나 2048비트보다 짧은 RSA 키이면 실패입니다. 이런 키는 작정한 공격을 더는 견디지 못하고, 많은 클라이언트가 거부합니다.',
  },
  remediation: {
    why: {
      en: 'A short RSA key can be broken, letting an attacker impersonate the site or read its traffic.',
      ko: '짧은 RSA 키는 해독될 수 있어 공격자가 사이트를 사칭하거나 통신 내용을 읽을 수 있습니다.',
    },
    steps: {
      en: [
        'Request (or import) a replacement certificate with RSA_2048 or an ECDSA key (EC_prime256v1) for the same domains.',
        'Point the load balancers, CloudFront distributions and API gateways that use the old certificate at the new one, then delete the old certificate.',
      ],
      ko: [
        '같은 도메인에 RSA_2048 또는 ECDSA 키(EC_prime256v1)를 쓰는 인증서를 새로 요청하거나 가져오세요.',
        '기존 인증서를 쓰는 로드 밸런서, CloudFront 배포, API 게이트웨이가 새 인증서를 쓰도록 바꾼 다음 기존 인증서를 삭제하세요.',
      ],
    },
    commands: [
      'aws acm request-certificate --domain-name {{resourceName}} --validation-method DNS --key-algorithm RSA_2048 --region {{region}}',
    ],
  },
  docs: ['https://docs.aws.amazon.com/acm/latest/userguide/acm-certificate.html#algorithms'],
  compliance: { fsbp: ['ACM.2'], ismsp: ['2.7.1'] },
  requires: ['acm.certificates'],
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'acm.certificates', (cert) => {
      const name = cert.domainName ?? cert.certificateArn;
      if (!cert.keyAlgorithm) {
        return missingFromCollection(
          { en: `Certificate ${name}`, ko: `인증서 ${name}` },
          { en: 'the key algorithm', ko: '키 알고리즘이' },
        );
      }
      const bits = rsaBits(cert.keyAlgorithm);
      return passOrFail(
        bits === undefined || bits >= MIN_RSA_BITS,
        {
          en: `Certificate ${name} uses a ${cert.keyAlgorithm} key.`,
          ko: `인증서 ${name}의 키는 ${cert.keyAlgorithm}입니다.`,
        },
        {
          en: `Certificate ${name} uses a weak ${cert.keyAlgorithm} key (RSA below ${MIN_RSA_BITS} bits).`,
          ko: `인증서 ${name}의 키는 ${MIN_RSA_BITS}비트보다 짧은 약한 키(${cert.keyAlgorithm})입니다.`,
        },
        { keyAlgorithm: cert.keyAlgorithm },
      );
    });
  },
});
