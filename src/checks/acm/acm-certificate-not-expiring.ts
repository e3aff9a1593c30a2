import { daysBetween } from '../lib/metrics.js';
import { perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'acm-certificate-not-expiring',
  service: 'acm',
  category: 'fault_tolerance',
  severity: 'high',
  title: { en: 'ACM certificates are not about to expire', ko: 'ACM 인증서의 만료가 임박하지 않음' },
  failureLabel: {
    en: 'ACM certificates expiring soon or expired',
    ko: '만료가 임박했거나 만료된 ACM 인증서',
  },
  description: {
    en: 'An issued certificate fails when it expires within 14 days or has expired, and warns within 45 days. Clients refuse a site whose certificate has expired.',
    ko: '발급된 인증서가 14일 안에 만료되거나 이미 만료되었으면 실패, 45일 안에 만료되면 경고입니다. 인증서가 만료된 사이트는 클라이언트가 접속을 거부합니다.',
  },
  remediation: {
    why: {
      en: 'When the certificate expires, browsers and API clients refuse the connection: the service is down for its users.',
      ko: '인증서가 만료되면 브라우저와 API 클라이언트가 연결을 거부해 사용자에게는 서비스가 중단된 것과 같습니다.',
    },
    steps: {
      en: [
        'Amazon-issued, DNS-validated certificates renew themselves: check that the validation CNAME records still exist in DNS (ACM → Certificates → the certificate → Domains).',
        'Imported certificates never renew: get a new certificate from the issuer and re-import it over the same ARN (ACM → Certificates → the certificate → Reimport).',
      ],
      ko: [
        'Amazon에서 발급하고 DNS로 검증한 인증서는 자동으로 갱신됩니다. 검증용 CNAME 레코드가 DNS에 남아 있는지 확인하세요(ACM → 인증서 → 해당 인증서 → 도메인).',
        '가져온 인증서는 갱신되지 않습니다. 발급 기관에서 새 인증서를 받아 같은 ARN으로 다시 가져오세요(ACM → 인증서 → 해당 인증서 → 다시 가져오기).',
      ],
    },
    commands: [
      'aws acm describe-certificate --certificate-arn {{resourceId}} --query "Certificate.[NotAfter,RenewalSummary,DomainValidationOptions]" --region {{region}}',
      'aws acm import-certificate --certificate-arn {{resourceId}} --certificate fileb://cert.pem --private-key fileb://key.pem --certificate-chain fileb://chain.pem --region {{region}}',
    ],
  },
  docs: [
    'https://docs.aws.amazon.com/acm/latest/userguide/managed-renewal.html',
    'https://docs.aws.amazon.com/acm/latest/userguide/import-reimport.html',
  ],
  // ISMS-P: certificates serve encryption in transit (2.7.1); 2.10.5 is about transfers agreed with other organizations.
  compliance: { fsbp: ['ACM.1'], ismsp: ['2.7.1'] },
  requires: ['acm.certificates'],
  settings: {
    failDays: {
      default: 14,
      min: 0,
      max: 365,
      unit: 'days',
      description: {
        en: 'Fail when the certificate expires within this many days (or has expired).',
        ko: '인증서가 이 일수 안에 만료되거나 이미 만료되었으면 실패입니다.',
      },
    },
    warnDays: {
      default: 45,
      min: 0,
      max: 365,
      unit: 'days',
      description: {
        en: 'Warn when the certificate expires within this many days.',
        ko: '인증서가 이 일수 안에 만료되면 경고입니다.',
      },
    },
  },
  evaluate(ctx) {
    const { failDays, warnDays } = ctx.settings;
    return perResource(ctx, 'acm.certificates', (cert) => {
      const name = cert.domainName ?? cert.certificateArn;
      if (cert.status !== 'ISSUED') {
        return {
          status: 'not_applicable',
          message: {
            en: `Certificate ${name} is ${cert.status ?? 'of unknown status'}, not ISSUED.`,
            ko: `인증서 ${name}의 상태가 ISSUED가 아닙니다(${cert.status ?? '알 수 없음'}).`,
          },
        };
      }
      if (!cert.notAfter) {
        return {
          status: 'unknown',
          message: {
            en: `Certificate ${name}: the expiry date (NotAfter) is missing from the collection.`,
            ko: `인증서 ${name}: 수집 결과에 만료 날짜(NotAfter)가 없습니다.`,
          },
        };
      }
      // Whole days left (floor): 13.5 days left counts as 13, half a day past as -1 (expired).
      const daysLeft = daysBetween(ctx.now, new Date(cert.notAfter));
      const date = cert.notAfter.slice(0, 10);
      const details = { notAfter: cert.notAfter, daysLeft };
      if (daysLeft < 0) {
        return {
          status: 'fail',
          details,
          message: {
            en: `Certificate ${name} expired on ${date}.`,
            ko: `인증서 ${name}의 유효 기간이 ${date}에 끝났습니다.`,
          },
        };
      }
      if (daysLeft <= failDays || daysLeft <= warnDays) {
        return {
          status: daysLeft <= failDays ? 'fail' : 'warning',
          details,
          message: {
            en: `Certificate ${name} expires on ${date}, in ${daysLeft} days.`,
            ko: `인증서 ${name}의 유효 기간이 ${daysLeft}일 뒤인 ${date}에 끝납니다.`,
          },
        };
      }
      return {
        status: 'pass',
        details,
        message: {
          en: `Certificate ${name} is valid until ${date} (${daysLeft} days).`,
          ko: `인증서 ${name}의 유효 기간은 ${date}까지입니다(${daysLeft}일 남음).`,
        },
      };
    });
  },
});
