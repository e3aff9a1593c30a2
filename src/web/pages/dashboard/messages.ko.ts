import type { dashboardEn } from './messages.en.js';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** Korean text of the dashboard: same keys as dashboardEn (the type enforces it). */
export const dashboardKo: Messages<typeof dashboardEn> = {
  resources: '리소스',
  resourcesTotal: '리전 {{regions}}곳의 리소스 {{count}}개',
  resourcesByService: '서비스별 리소스',
  resourcesByRegion: '리전별 리소스',
  findingsBySeverity: '심각도별 조치 필요 항목',
  findingsByCategory: '카테고리별 조치 필요 항목',
  score: '어드바이저 점수',
  scoreOf: '서비스별 최근 실행 기준 (최신 {{date}})',
  savings: '예상 월간 절감액',
  savingsHelp: '서비스별 최근 실행의 조치 필요 항목 합계입니다.',
  openFindings: '조치 필요 항목',
  topSavings: '절감 효과가 큰 항목',
  topSavingsEmpty: '최근 실행들에 절감 기회가 없습니다.',
  scoreTrend: '어드바이저 실행별 점수',
  resourceTrend: '수집별 리소스 수',
  trendEmpty: '두 번 이상 실행하면 추이가 보입니다.',
  lastCollection: '최근 수집',
  collectionStatus: {
    queued: '대기 중',
    running: '수집 중',
    completed: '완료',
    completed_with_errors: '오류와 함께 완료',
    failed: '실패',
    cancelled: '취소됨',
  },
  collectionSummary: '{{date}} · {{regions}} · {{services}}',
  collectionErrors: '오류 ({{count}})',
  noCollectionErrors: '오류 없음: 모든 수집기가 응답했습니다.',
  chartTable: '“{{title}}” 차트 데이터',
  value: '값',
  noFindings: '최근 실행들에 조치 필요 항목이 없습니다.',
  sourcesTitle: '수치 출처',
  sourcesHelp:
    '서비스마다 가장 최근에 완료된 어드바이저 실행과 수집을 보여 주므로, 한 서비스만 다시 실행해도 다른 서비스의 결과가 사라지지 않습니다.',
  serviceColumn: '서비스',
  runColumn: '어드바이저 실행',
  collectionColumn: '수집',
  notYet: '아직 없음',
  viewAdvisor: '서비스 어드바이저 열기',
  viewResources: '리소스 열기',
  runAdvisor: '어드바이저 실행',
  emptyTitle: 'again-console에 오신 것을 환영합니다',
  emptyBody:
    'AWS 계정을 연결하고 리소스를 수집한 뒤 서비스 어드바이저를 실행하면, 이 페이지에서 계정 상태를 한눈에 볼 수 있습니다.',
  savingsColumn: '월 절감액',
  resourceColumn: '리소스',
  checkColumn: '점검 항목',
};
