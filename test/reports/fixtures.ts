import type { CheckSummary, Finding } from '../../src/core/findings.js';
import type { Category, FindingStatus, ServiceId, Severity } from '../../src/core/services.js';
import type { CollectionMetadata } from '../../src/core/snapshot.js';
import type { OrgAccountReport, OrgReportInput, ReportInput } from '../../src/reports/types.js';

/** Untrusted strings an AWS account can hold; reports must show them as text, never run them. */
export const HOSTILE = {
  formula: "=cmd|' /C calc'!A0",
  plusFormula: '+SUM(1+1)*cmd|',
  atFormula: '@IMPORTXML("http://x")',
  script: '<script>alert("x")</script>',
  longName: `bucket-${'very-long-name-'.repeat(40)}end`,
  emoji: 'prod 🚀 server 🔥',
  rtl: 'مرحبا-server',
  bidiSpoof: 'invoice\u202Egpj.exe',
  hangul: '운영-웹서버-01',
} as const;

type CheckSpec = [
  id: string,
  service: ServiceId,
  category: Category,
  severity: Severity,
  ko: string,
  en: string,
];

const CHECK_SPECS: CheckSpec[] = [
  ['ec2-instance-not-idle', 'ec2', 'cost', 'medium', '유휴 EC2 인스턴스 없음', 'EC2 instances are not idle'],
  ['ec2-instance-imdsv2-required', 'ec2', 'security', 'high', 'IMDSv2 필수', 'IMDSv2 is required'],
  [
    'ec2-securitygroup-no-unrestricted-traffic',
    'ec2',
    'security',
    'critical',
    '보안 그룹이 모든 트래픽을 허용하지 않음',
    'Security groups do not allow all traffic',
  ],
  ['ebs-volume-attached', 'ec2', 'cost', 'medium', 'EBS 볼륨이 연결되어 있음', 'EBS volumes are attached'],
  [
    'ebs-volume-recent-snapshot',
    'ec2',
    'fault_tolerance',
    'medium',
    'EBS 볼륨에 최근 스냅샷 있음',
    'EBS volumes have a recent snapshot',
  ],
  [
    'ec2-instance-detailed-monitoring',
    'ec2',
    'operational',
    'low',
    '세부 모니터링 사용',
    'Detailed monitoring is on',
  ],
  [
    's3-bucket-not-public',
    's3',
    'security',
    'critical',
    'S3 버킷이 공개되지 않음',
    'S3 buckets are not public',
  ],
  [
    's3-bucket-versioning-enabled',
    's3',
    'fault_tolerance',
    'medium',
    '버전 관리 사용',
    'Versioning is enabled',
  ],
  ['s3-bucket-lifecycle-configured', 's3', 'cost', 'low', '수명 주기 규칙 있음', 'A lifecycle rule exists'],
  [
    'lambda-function-runtime-supported',
    'lambda',
    'security',
    'high',
    '지원되는 런타임',
    'Runtime is supported',
  ],
  [
    'lambda-function-memory-right-sized',
    'lambda',
    'cost',
    'low',
    '메모리 적정 크기',
    'Memory is right-sized',
  ],
  [
    'lambda-function-timeout-appropriate',
    'lambda',
    'performance',
    'medium',
    '적절한 제한 시간',
    'Timeout fits',
  ],
  ['rds-instance-multi-az', 'rds', 'fault_tolerance', 'medium', 'RDS 다중 AZ', 'RDS is Multi-AZ'],
  ['rds-instance-not-idle', 'rds', 'cost', 'medium', '유휴 RDS 인스턴스 없음', 'RDS instances are not idle'],
  ['iam-root-mfa-enabled', 'iam', 'security', 'critical', '루트 MFA 사용', 'Root MFA is enabled'],
  ['iam-user-console-mfa', 'iam', 'security', 'high', '콘솔 사용자 MFA', 'Console users have MFA'],
  ['iam-user-no-direct-policies', 'iam', 'operational', 'low', '직접 연결된 정책 없음', 'No direct policies'],
];

export const FIXTURE_CHECKS: CheckSummary[] = CHECK_SPECS.map(
  ([id, service, category, severity, ko, en]) => ({
    id,
    service,
    category,
    severity,
    title: { ko, en },
    failureLabel: { ko: `${ko} 미충족`, en: `Not met: ${en}` },
    description: { ko: `${ko} 여부를 점검합니다.`, en: `Checks that ${en.toLowerCase()}.` },
    remediation: {
      why: { ko: `${ko} 상태가 아니면 위험합니다.`, en: `It is risky unless ${en.toLowerCase()}.` },
      steps: {
        ko: [`${ko} 상태가 되도록 리소스 설정을 변경하세요.`, '변경 전에 영향을 검토하세요.'],
        en: [`Change the resource so that ${en.toLowerCase()}.`, 'Review the impact before changing it.'],
      },
      commands: [`aws ${service} fix --resource {{resourceId}} --region {{region}}`],
    },
    docs: ['https://docs.aws.amazon.com/'],
  }),
);

/** Deterministic PRNG (mulberry32) so fixtures are reproducible without being hand-written. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['ap-northeast-2', 'us-east-1', 'eu-west-1'];
const HOSTILE_VALUES = Object.values(HOSTILE);

/** N findings across every service, category, severity and status, with hostile names mixed in. */
export function generateFindings(count: number, seed = 42): Finding[] {
  const random = prng(seed);
  const findings: Finding[] = [];
  for (let i = 0; i < count; i += 1) {
    const check = FIXTURE_CHECKS[i % FIXTURE_CHECKS.length]!;
    const roll = random();
    // Every hostile string shows up early on a failed finding, so even small fixtures print all of them.
    const hostile = i < HOSTILE_VALUES.length * 3 && i % 3 === 0 ? HOSTILE_VALUES[i / 3] : undefined;
    const status: FindingStatus = hostile
      ? 'fail'
      : roll < 0.45
        ? 'pass'
        : roll < 0.75
          ? 'fail'
          : roll < 0.87
            ? 'warning'
            : roll < 0.95
              ? 'unknown'
              : 'not_applicable';
    const region = check.service === 'iam' ? 'global' : REGIONS[i % REGIONS.length]!;
    const name = hostile ?? `res-${i}`;
    const resourceId = `${check.service}-${i.toString(16).padStart(6, '0')}`;
    const finding: Finding = {
      checkId: check.id,
      service: check.service,
      category: check.category,
      severity: check.severity,
      status,
      region,
      resourceId,
      resourceName: name,
      resourceArn: `arn:aws:${check.service}:${region}:123456789012:resource/${resourceId}`,
      message:
        status === 'unknown'
          ? {
              ko: `${region}에서 AccessDenied 오류로 데이터를 수집하지 못했습니다.`,
              en: `Data could not be collected in ${region}: AccessDenied.`,
            }
          : {
              ko: `${name} 리소스가 "${check.title.ko}" 조건을 ${status === 'pass' ? '충족합니다' : '충족하지 않습니다'}.`,
              en: `${name} ${status === 'pass' ? 'meets' : 'does not meet'} "${check.title.en}".`,
            },
    };
    if (check.category === 'cost' && (status === 'fail' || status === 'warning')) {
      finding.estimatedMonthlySavingsUsd = Math.round(random() * 500_00) / 100 + 1;
      finding.savingsBasis = { ko: '온디맨드 가격 × 730시간', en: 'On-Demand price × 730 hours' };
    }
    if (status !== 'pass' && !hostile && random() < 0.06) {
      finding.muted = {
        reason: i % 2 === 0 ? '테스트 환경이라 허용함' : 'Accepted risk for the staging account',
        by: 'alice',
        at: '2026-11-01T00:00:00.000Z',
        ...(i % 4 === 0 ? { expiresAt: '2027-01-31T00:00:00.000Z' } : {}),
        ruleId: `mute-${i}`,
      };
    }
    findings.push(finding);
  }
  return findings;
}

export function fixtureCollection(): CollectionMetadata {
  return {
    id: 'col-20261126-0001',
    username: 'alice',
    connectionId: 'conn-1',
    connectionName: '운영 계정 (prod)',
    accountId: '123456789012',
    status: 'completed_with_errors',
    requestedAt: '2026-11-26T03:00:00.000Z',
    startedAt: '2026-11-26T03:00:01.000Z',
    finishedAt: '2026-11-26T03:02:11.000Z',
    regions: REGIONS,
    skippedRegions: [{ region: 'me-south-1', reason: 'Region not enabled (opt-in required)' }],
    services: ['ec2', 's3', 'lambda', 'rds', 'iam'],
    results: {},
    errors: [
      {
        service: 'ec2',
        region: 'eu-west-1',
        operation: 'DescribeSnapshots',
        code: 'AccessDenied',
        message: `User is not authorized ${HOSTILE.script}`,
        collector: 'ec2.snapshots',
      },
      {
        service: 'lambda',
        region: 'us-east-1',
        operation: 'ListFunctions',
        code: 'Throttling',
        message: 'Rate exceeded',
      },
    ],
    resourceCounts: {
      'ec2.instances': 3,
      'ec2.volumes': 4,
      's3.buckets': 2,
      'lambda.functions': 1,
      'iam.users': 2,
    },
  };
}

export function fixtureReportInput(overrides: Partial<ReportInput> = {}, count = 120): ReportInput {
  return {
    lang: 'en',
    account: { id: '123456789012', connectionName: '운영 계정 (prod)' },
    generatedAt: '2026-11-26T03:05:00.000Z',
    regions: REGIONS,
    services: ['ec2', 's3', 'lambda', 'rds', 'iam'],
    collection: fixtureCollection(),
    findings: generateFindings(count),
    checks: FIXTURE_CHECKS,
    runId: 'run-20261126-0001',
    timeZone: 'Asia/Seoul',
    ...overrides,
  };
}

/** A scanned member of a fixture organization: its own collection and findings. */
export const scannedAccount = (
  id: string,
  name: string,
  findings: Finding[],
  ouPath = '/',
): OrgAccountReport => ({
  id,
  name,
  ouPath,
  status: 'scanned',
  report: {
    account: { id },
    collection: { ...fixtureCollection(), accountId: id, status: 'completed' },
    findings,
  },
});

/** An organization report of `accounts`, scanned from 123456789012 (fixture checks, regions, time zone). */
export function fixtureOrgInput(lang: 'en' | 'ko', accounts: OrgAccountReport[]): OrgReportInput {
  const base = fixtureReportInput({ lang });
  return {
    lang,
    generatedAt: base.generatedAt,
    regions: base.regions,
    services: base.services,
    checks: base.checks,
    timeZone: 'Asia/Seoul',
    account: { id: '123456789012' },
    organizationId: 'o-abc123defg',
    scanId: 'col-20261126-0100',
    status: 'completed_with_errors',
    accounts,
  };
}
