import { particle } from '../../core/korean.js';
import type { PriceBook } from '../../core/prices.js';
import type { RdsInstance, RdsInstanceMetrics } from '../../core/records.js';
import type { LocalizedText } from '../../core/services.js';
import type { FindingDraft } from '../types.js';
import type { HourlyOption } from './savings.js';

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
      ko: `${label}${particle(label, '은/는')} 클러스터 ${db.dbClusterIdentifier}에 속하며 이 설정은 클러스터에서 관리합니다.`,
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

/** Metrics of each DB instance, keyed by region and identifier. */
export function rdsMetricsIndex(records: readonly RdsInstanceMetrics[]): Map<string, RdsInstanceMetrics> {
  return new Map(records.map((m) => [`${m.region}/${m.dbInstanceIdentifier}`, m]));
}

/** The hourly price of this DB instance (or of `dbClass` with its engine and deployment). */
export function rdsHourly(prices: PriceBook, db: RdsInstance, dbClass = db.dbInstanceClass): HourlyOption {
  return { type: dbClass, quote: prices.rdsInstanceHourly(db.region, dbClass, db.engine, db.multiAZ) };
}

export const RDS_MODIFY_DOC =
  'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.DBInstance.Modifying.html';
