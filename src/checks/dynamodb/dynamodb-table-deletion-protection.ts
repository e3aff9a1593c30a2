import { particle } from '../../core/korean.js';
import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'dynamodb-table-deletion-protection',
  service: 'dynamodb',
  category: 'fault_tolerance',
  severity: 'low',
  title: { en: 'DynamoDB tables have deletion protection', ko: 'DynamoDB 테이블에 삭제 방지가 켜져 있음' },
  failureLabel: { en: 'DynamoDB tables without deletion protection', ko: '삭제 방지가 꺼진 DynamoDB 테이블' },
  description: {
    en: 'Fails when DeletionProtectionEnabled is false: one DeleteTable call (a script, a stack teardown) removes the table and its data.',
    ko: 'DeletionProtectionEnabled가 false이면 DeleteTable 호출 한 번(스크립트나 스택 삭제)으로 테이블과 데이터가 사라지므로 실패입니다.',
  },
  remediation: {
    why: {
      en: 'An accidental delete takes the table and everything in it at once.',
      ko: '실수로 삭제하면 테이블과 그 안의 모든 데이터가 한꺼번에 사라집니다.',
    },
    steps: {
      en: ['DynamoDB → Tables → the table → Additional settings → Deletion protection → Turn on.'],
      ko: ['DynamoDB → 테이블 → 해당 테이블 → 추가 설정 → 삭제 방지 → 켜기.'],
    },
    commands: [
      'aws dynamodb update-table --table-name {{resourceId}} --deletion-protection-enabled --region {{region}}',
    ],
    iac: { kind: 'terraform', code: 'deletion_protection_enabled = true' },
  },
  docs: [
    'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection',
  ],
  compliance: { fsbp: ['DynamoDB.6'], ismsp: ['2.9.2'] },
  requires: ['dynamodb.tables'],
  requiresFields: { 'dynamodb.tables': ['deletionProtectionEnabled'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'dynamodb.tables', (table) => {
      const name = table.tableName;
      if (table.deletionProtectionEnabled === undefined) {
        return missingFromCollection(
          { en: `Table ${name}`, ko: `테이블 ${name}` },
          { en: 'the deletion protection setting', ko: '삭제 방지 설정이' },
        );
      }
      return passOrFail(
        table.deletionProtectionEnabled,
        { en: `Table ${name} has deletion protection.`, ko: `테이블 ${name}에 삭제 방지가 켜져 있습니다.` },
        {
          en: `Table ${name} can be deleted without first turning off a protection.`,
          ko: `테이블 ${name}${particle(name, '은/는')} 삭제 방지가 꺼져 있어 바로 삭제될 수 있습니다.`,
        },
      );
    });
  },
});
