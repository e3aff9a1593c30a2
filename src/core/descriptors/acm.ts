/** ACM: certificates with their expiry and key algorithm. */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineRegionalResources, defineService } from '../descriptor.js';
import { acmCertificateSchema } from '../records/acm.js';

const certificates = defineRegionalResources({
  id: 'acm.certificates',
  label: { ko: '인증서', en: 'Certificates' },
  record: acmCertificateSchema,
  resource: { idFields: ['certificateArn'], arnField: 'certificateArn', nameField: 'domainName' },
  columns: [
    column.text('domainName', { ko: '도메인 이름', en: 'Domain name' }),
    column.state('status', L.status),
    column.text('type', L.type),
    column.mono('keyAlgorithm', { ko: '키 알고리즘', en: 'Key algorithm' }),
    column.date('notAfter', { ko: '만료 시각', en: 'Expires' }),
    column.yesNo('inUse', { ko: '사용 중', en: 'In use' }),
    column.region,
  ],
  iamActions: ['acm:ListCertificates'],
});

export const acm = defineService({
  id: 'acm',
  name: 'ACM',
  fullName: 'AWS Certificate Manager',
  collectors: [certificates],
});
