import { particle } from '../../core/korean.js';
import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'dynamodb-table-kms-encrypted',
  service: 'dynamodb',
  category: 'security',
  severity: 'low',
  title: { en: 'DynamoDB tables are encrypted with a KMS key', ko: 'DynamoDB 테이블이 KMS 키로 암호화됨' },
  failureLabel: {
    en: 'DynamoDB tables on the AWS-owned key',
    ko: 'AWS 소유 키로만 암호화된 DynamoDB 테이블',
  },
  description: {
    en: 'Fails when the table has no SSEDescription with SSEType KMS, i.e. it uses the AWS-owned default key, whose use you cannot audit or restrict.',
    ko: '테이블에 `SSEType`이 KMS인 `SSEDescription`이 없으면, 즉 사용 내역을 감사하거나 제한할 수 없는 AWS 소유 기본 키를 쓰면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'With the AWS-owned key, CloudTrail shows no key use and no key policy can limit who decrypts the data.',
      ko: 'AWS 소유 키를 쓰면 CloudTrail에 키 사용 기록이 남지 않고, 키 정책으로 복호화할 수 있는 주체를 제한할 수도 없습니다.',
    },
    steps: {
      en: [
        'DynamoDB → Tables → the table → Additional settings → Encryption → Manage encryption → AWS managed key (aws/dynamodb) or a customer managed key → Save changes.',
      ],
      ko: [
        'DynamoDB → 테이블 → 해당 테이블 → 추가 설정 → 암호화 → 암호화 관리 → AWS 관리형 키(aws/dynamodb) 또는 고객 관리형 키 선택 → 변경 사항 저장.',
      ],
    },
    commands: [
      'aws dynamodb update-table --table-name {{resourceId}} --sse-specification Enabled=true,SSEType=KMS --region {{region}}',
    ],
    iac: { kind: 'terraform', code: 'server_side_encryption { enabled = true }' },
  },
  docs: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html'],
  compliance: { ismsp: ['2.7.1'] },
  requires: ['dynamodb.tables'],
  requiresFields: { 'dynamodb.tables': ['sseType'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'dynamodb.tables', (table) => {
      const name = table.tableName;
      if (table.sseType === undefined) {
        return missingFromCollection(
          { en: `Table ${name}`, ko: `테이블 ${name}` },
          { en: 'the encryption setting', ko: '암호화 설정이' },
        );
      }
      const key = table.kmsMasterKeyArn ?? 'aws/dynamodb';
      return passOrFail(
        table.sseType === 'KMS',
        {
          en: `Table ${name} is encrypted with KMS key ${key}.`,
          ko: `테이블 ${name}${particle(name, '은/는')} KMS 키 ${key}${particle(key, '으로/로')} 암호화됩니다.`,
        },
        {
          en: `Table ${name} is encrypted only with the AWS-owned key.`,
          ko: `테이블 ${name}${particle(name, '은/는')} AWS 소유 키로만 암호화되어 있습니다.`,
        },
      );
    });
  },
});
