import { serviceName } from '../core/catalog.js';
import type { ControlStatus } from '../core/compliance.js';
import {
  type Category,
  type FindingStatus,
  type Lang,
  SERVICE_IDS,
  type ServiceId,
  type Severity,
} from '../core/services.js';
import type { CollectionStatus } from '../core/snapshot.js';
import { SCORE_EXPLANATION } from '../shared/advisor-text.js';

/**
 * Labels printed in reports. English is the reference; the Korean table is typed against its keys,
 * so a missing translation is a compile error (and a test checks both tables at run time).
 */
const en = {
  productName: 'again-console',
  reportTitle: 'Service Advisor report',
  account: 'Account',
  connection: 'Connection',
  generatedAt: 'Generated',
  collectedAt: 'Collected',
  regions: 'Regions',
  services: 'Services',
  runId: 'Run',
  contents: 'Contents',
  executiveSummary: 'Executive summary',
  appendix: 'Appendix: not evaluated',
  page: 'Page {x} / {y}',
  overallScore: 'Overall score',
  score: 'Score',
  scoreExplained: SCORE_EXPLANATION.en,
  noScore: 'n/a',
  findingsBySeverity: 'Open findings by severity',
  findingsByCategory: 'Open findings by category',
  totalSavings: 'Estimated monthly savings',
  topOpportunities: 'Top savings opportunities',
  noOpportunities: 'No savings opportunities were found.',
  openFindings: 'Open findings',
  resource: 'Resource',
  region: 'Region',
  message: 'Message',
  remediation: 'Remediation',
  whyItMatters: 'Why it matters',
  steps: 'Steps',
  commands: 'Commands',
  commandsFor: 'Commands for {resource} ({region})',
  moreResources: '… and {n} more resources: the same commands with their ids.',
  savingsPerMonth: 'Savings / month',
  check: 'Check',
  status: 'Status',
  severity: 'Severity',
  category: 'Category',
  passingChecks: 'Passing checks',
  passedResources: 'passed: {n}',
  noResources: 'no resources evaluated',
  noOpenFindings: 'No failed or warning findings.',
  mutedFindings: 'Muted findings',
  mutedReason: 'Reason',
  mutedBy: 'Muted by',
  mutedExpires: 'Expires',
  neverExpires: 'never',
  compliance: 'Compliance',
  complianceIntro:
    'A control passes when every check mapped to it passes, fails when any fails, and is unknown when nothing failed but a check could not judge or was not run. Manual controls are not evidenced by any check: review them another way.',
  complianceShare: 'Controls passing (of those judged)',
  control: 'Control',
  controlTitle: 'Title',
  controlStatus: 'Status',
  failingResources: 'Failing resources',
  notEvaluated: 'Could not be evaluated',
  notEvaluatedIntro: 'These checks could not be evaluated, so they are neither passed nor failed.',
  nothingUnevaluated: 'Every check could be evaluated.',
  collectionErrors: 'Collection errors',
  noCollectionErrors: 'The collection completed without errors.',
  skippedRegions: 'Skipped regions',
  operation: 'Operation',
  code: 'Code',
  service: 'Service',
  collectionStatus: 'Collection status',
  findingsCount: 'open: {n}',
  resourcesCount: '{n} resources',
  continued: '(continued)',
  actFirst: 'What to act on first',
  topRisks: 'Top risks',
  topSavings: 'Top savings',
  noRisks: 'No open risks were found.',
  riskLine: '{severity}: {check} — {resources} in {regions} (e.g. {examples})',
  savingsLine: '{check}: about {money} a month from {resources} (e.g. {examples})',
  oneResource: '1 resource',
  sinceLastRun: 'Since the previous run',
  changeLine:
    'Compared with the previous run of the same scope ({date}): {new} new open findings, {resolved} resolved.',
  topNew: 'Most severe new findings',
  newLine: '{severity}: {check} — {resource} ({region})',
  noPreviousRun:
    'There is no earlier run of the same scope (connection, services and regions) to compare with.',
  scope: 'Scope',
  scopeLine: '{services} services, {regions} regions',
  currencyNote: 'KRW amounts are approximate, at a rate the user set: 1 USD = {rate} ({date}).',
} as const;

export type LabelKey = keyof typeof en;

const ko: Record<LabelKey, string> = {
  productName: 'again-console',
  reportTitle: '서비스 어드바이저 보고서',
  account: '계정',
  connection: '연결',
  generatedAt: '생성 시각',
  collectedAt: '수집 시각',
  regions: '리전',
  services: '서비스',
  runId: '실행',
  contents: '목차',
  executiveSummary: '요약',
  appendix: '부록: 평가하지 못한 항목',
  page: '{x} / {y} 페이지',
  overallScore: '전체 점수',
  score: '점수',
  scoreExplained: SCORE_EXPLANATION.ko,
  noScore: '해당 없음',
  findingsBySeverity: '심각도별 미해결 발견 항목',
  findingsByCategory: '범주별 미해결 발견 항목',
  totalSavings: '예상 월간 절감액',
  topOpportunities: '주요 절감 기회',
  noOpportunities: '절감 기회가 발견되지 않았습니다.',
  openFindings: '미해결 발견 항목',
  resource: '리소스',
  region: '리전',
  message: '내용',
  remediation: '조치 방법',
  whyItMatters: '왜 중요한가',
  steps: '조치 단계',
  commands: '명령',
  commandsFor: '{resource}({region})에 실행할 명령',
  moreResources: '… 그 밖의 리소스 {n}개: 각 ID로 같은 명령을 실행하세요.',
  savingsPerMonth: '월 절감액',
  check: '점검 항목',
  status: '상태',
  severity: '심각도',
  category: '범주',
  passingChecks: '통과한 점검 항목',
  passedResources: '통과 {n}건',
  noResources: '평가한 리소스 없음',
  noOpenFindings: '실패하거나 경고인 발견 항목이 없습니다.',
  mutedFindings: '예외 처리된 발견 항목',
  mutedReason: '사유',
  mutedBy: '예외 처리한 사용자',
  mutedExpires: '만료',
  neverExpires: '없음',
  compliance: '규정 준수',
  complianceIntro:
    '통제 항목에 연결된 점검이 모두 통과하면 통과, 하나라도 실패하면 실패, 실패는 없지만 판단하지 못했거나 실행하지 않은 점검이 있으면 알 수 없음입니다. 수동 검토 항목은 어떤 점검으로도 확인할 수 없으므로 다른 방법으로 검토해야 합니다.',
  complianceShare: '판단한 통제 항목 중 통과 비율',
  control: '통제 항목',
  controlTitle: '제목',
  controlStatus: '상태',
  failingResources: '실패한 리소스',
  notEvaluated: '평가하지 못함',
  notEvaluatedIntro: '다음 점검 항목은 평가하지 못했으므로 통과도 실패도 아닙니다.',
  nothingUnevaluated: '모든 점검 항목을 평가했습니다.',
  collectionErrors: '수집 오류',
  noCollectionErrors: '수집이 오류 없이 완료되었습니다.',
  skippedRegions: '건너뛴 리전',
  operation: '작업',
  code: '코드',
  service: '서비스',
  collectionStatus: '수집 상태',
  findingsCount: '미해결 {n}건',
  resourcesCount: '리소스 {n}개',
  continued: '(계속)',
  actFirst: '먼저 조치할 항목',
  topRisks: '주요 위험',
  topSavings: '주요 절감 항목',
  noRisks: '미해결 위험이 없습니다.',
  riskLine: '{severity}: {check} — {regions} 리전의 {resources} (예: {examples})',
  savingsLine: '{check}: {resources}에서 월 약 {money} 절감 (예: {examples})',
  oneResource: '리소스 1개',
  sinceLastRun: '이전 실행 이후 변화',
  changeLine:
    '같은 범위의 이전 실행({date})과 비교하면 새 미해결 발견 항목은 {new}건, 해결된 발견 항목은 {resolved}건입니다.',
  topNew: '가장 심각한 새 발견 항목',
  newLine: '{severity}: {check} — {resource} ({region})',
  noPreviousRun: '비교할 같은 범위(연결, 서비스, 리전)의 이전 실행이 없습니다.',
  scope: '범위',
  scopeLine: '서비스 {services}개, 리전 {regions}개',
  currencyNote: 'KRW 금액은 사용자가 설정한 환율(1 USD = {rate}, {date} 기준)로 환산한 근삿값입니다.',
};

export const LABELS: Record<Lang, Record<LabelKey, string>> = { en, ko };

/** A label with `{name}` placeholders filled in (values are already formatted for the language). */
export function label(lang: Lang, key: LabelKey, vars: Record<string, string | number> = {}): string {
  return LABELS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export const SEVERITY_LABELS: Record<Lang, Record<Severity, string>> = {
  en: { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' },
  ko: { critical: '심각', high: '높음', medium: '보통', low: '낮음', info: '정보' },
};

export const CATEGORY_LABELS: Record<Lang, Record<Category, string>> = {
  en: {
    security: 'Security',
    cost: 'Cost',
    performance: 'Performance',
    fault_tolerance: 'Fault tolerance',
    operational: 'Operational',
  },
  ko: {
    security: '보안',
    cost: '비용',
    performance: '성능',
    fault_tolerance: '내결함성',
    operational: '운영',
  },
};

export const STATUS_LABELS: Record<Lang, Record<FindingStatus, string>> = {
  en: {
    pass: 'Pass',
    warning: 'Warning',
    fail: 'Fail',
    unknown: 'Unknown',
    not_applicable: 'Not applicable',
  },
  ko: { pass: '통과', warning: '경고', fail: '실패', unknown: '알 수 없음', not_applicable: '해당 없음' },
};

export const CONTROL_STATUS_LABELS: Record<Lang, Record<ControlStatus, string>> = {
  en: { pass: 'Pass', fail: 'Fail', unknown: 'Unknown', manual: 'Manual' },
  ko: { pass: '통과', fail: '실패', unknown: '알 수 없음', manual: '수동 검토' },
};

export const COLLECTION_STATUS_LABELS: Record<Lang, Record<CollectionStatus, string>> = {
  en: {
    queued: 'Queued',
    running: 'Running',
    completed: 'Completed',
    completed_with_errors: 'Completed with errors',
    failed: 'Failed',
    cancelled: 'Cancelled',
  },
  ko: {
    queued: '대기 중',
    running: '실행 중',
    completed: '완료',
    completed_with_errors: '오류와 함께 완료',
    failed: '실패',
    cancelled: '취소됨',
  },
};

/** Service names are AWS product names, the same in both languages (from the descriptors). */
export const SERVICE_LABELS: Readonly<Record<ServiceId, string>> = Object.fromEntries(
  SERVICE_IDS.map((id) => [id, serviceName(id).fullName]),
) as Record<ServiceId, string>;
