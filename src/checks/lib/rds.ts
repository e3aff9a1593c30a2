import type { RdsInstance } from '../../core/records.js';
import type { LocalizedText } from '../../core/services.js';
import type { FindingDraft } from '../types.js';

export function rdsResource(db: RdsInstance) {
  return {
    resourceId: db.dbInstanceIdentifier,
    resourceArn: db.arn,
    resourceName: db.dbInstanceIdentifier,
    region: db.region,
  };
}

/** Aurora members take backups, Multi-AZ and deletion protection from their cluster. */
export function clusterManaged(db: RdsInstance, label: string): FindingDraft | undefined {
  if (!db.dbClusterIdentifier) return undefined;
  return {
    ...rdsResource(db),
    status: 'not_applicable',
    message: {
      en: `${label} belongs to cluster ${db.dbClusterIdentifier}, which manages this setting.`,
      ko: `${label}은(는) 클러스터 ${db.dbClusterIdentifier}에 속하며 이 설정은 클러스터에서 관리합니다.`,
    },
  };
}

/** A pass/fail finding for one DB instance. */
export function rdsVerdict(
  db: RdsInstance,
  ok: boolean,
  pass: LocalizedText,
  fail: LocalizedText,
  details?: FindingDraft['details'],
): FindingDraft {
  return { ...rdsResource(db), status: ok ? 'pass' : 'fail', message: ok ? pass : fail, details };
}

export const RDS_MODIFY_DOC =
  'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.DBInstance.Modifying.html';
