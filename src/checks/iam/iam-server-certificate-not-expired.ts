import { particle } from '../../core/korean.js';
import { passOrFail, perResource, type Verdict } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'iam-server-certificate-not-expired',
  service: 'iam',
  category: 'security',
  severity: 'medium',
  title: { en: 'IAM server certificate has not expired', ko: 'IAM 서버 인증서가 만료되지 않음' },
  failureLabel: { en: 'Expired IAM server certificates', ko: '만료된 IAM 서버 인증서' },
  description: {
    en: 'From ListServerCertificates: fails when a server certificate stored in IAM has an Expiration in the past.',
    ko: 'ListServerCertificates 기준: IAM에 저장된 서버 인증서의 만료일이 지났으면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'An expired certificate left in IAM can be attached to a load balancer or CloudFront by mistake, and browsers then refuse the site.',
      ko: '만료된 인증서를 IAM에 남겨 두면 실수로 로드 밸런서나 CloudFront에 연결될 수 있고, 그러면 브라우저가 사이트 접속을 거부합니다.',
    },
    steps: {
      en: [
        'Check that no load balancer or CloudFront distribution still uses the certificate; move them to a certificate from AWS Certificate Manager, which renews itself.',
        'Delete the expired certificate from IAM (the command below; the console has no page for IAM server certificates).',
      ],
      ko: [
        '그 인증서를 아직 쓰는 로드 밸런서나 CloudFront 배포가 없는지 확인하고, 자동으로 갱신되는 ACM 인증서로 옮기세요.',
        '만료된 인증서를 IAM에서 삭제하세요(아래 명령. 콘솔에는 IAM 서버 인증서 화면이 없습니다).',
      ],
    },
    commands: ['aws iam delete-server-certificate --server-certificate-name {{resourceId}}'],
  },
  // ISMS-P: certificates serve encryption in transit (2.7.1); 2.10.5 is about transfers agreed with other organizations.
  compliance: { cis: ['1.18'], fsbp: ['IAM.26'], ismsp: ['2.7.1'] },
  docs: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html',
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListServerCertificates.html',
  ],
  requires: ['iam.server-certificates'],
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'iam.server-certificates', (cert): Verdict => {
      const name = cert.serverCertificateName;
      if (cert.expiration === undefined) {
        return {
          status: 'unknown',
          message: {
            en: `Server certificate ${name}: AWS did not report its expiry.`,
            ko: `서버 인증서 ${name}: 만료일이 수집되지 않았습니다.`,
          },
        };
      }
      const day = cert.expiration.slice(0, 10);
      return passOrFail(
        Date.parse(cert.expiration) > ctx.now.getTime(),
        {
          en: `Server certificate ${name} is valid until ${day}.`,
          ko: `서버 인증서 ${name}${particle(name, '은/는')} ${day}까지 유효합니다.`,
        },
        {
          en: `Server certificate ${name} expired on ${day}.`,
          ko: `서버 인증서 ${name}${particle(name, '은/는')} ${day}에 만료되었습니다.`,
        },
        { expiration: cert.expiration },
      );
    });
  },
});
