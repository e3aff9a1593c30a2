/**
 * Text of the advisor's Compliance tab, mounted at `compliance.*` by src/web/i18n/{en,ko}.ts (kept
 * beside the page so the shared files carry one line for this part).
 */
export const complianceEn = {
  tab: 'Compliance',
  title: 'Compliance',
  intro:
    'How the chosen run stands against a framework: a control passes when every check mapped to it passes, fails when any fails, and is unknown when nothing failed but a check could not judge or was not run. Controls no check can judge are listed apart for a manual review.',
  run: 'Run',
  framework: 'Framework',
  frameworks: {
    cis: 'CIS AWS Foundations Benchmark v5.0.0',
    fsbp: 'AWS Foundational Security Best Practices',
    ismsp: 'KISA ISMS-P 2023',
  },
  noRun: 'No completed advisor run yet: run the Service Advisor first.',
  share: 'Controls passing',
  shareOf: '{{pass}} of {{judged}} judged controls pass',
  noShare: 'No control could be judged',
  statuses: { pass: 'Pass', fail: 'Fail', unknown: 'Unknown', manual: 'Manual' },
  checkStatuses: { pass: 'Pass', fail: 'Fail', unknown: 'Unknown', not_run: 'Not run' },
  trend: {
    title: 'Trend over recent runs',
    date: 'Run',
    share: 'Passing',
    chart: 'Share of controls passing (%)',
    empty: 'This is the first run of this account.',
  },
  controls: {
    title: 'Controls the checks judge',
    id: 'Control',
    name: 'Title',
    status: 'Status',
    checks: 'Checks',
    failing: 'Failing resources',
    none: 'None',
    more: 'and {{count}} more',
    empty: 'No control of this framework is mapped to a check.',
  },
  manual: {
    title: 'Controls to review by hand',
    intro: 'No check of the console evidences these controls: an auditor needs to review them another way.',
    empty: 'Every control of this framework is mapped to a check.',
  },
  downloads: {
    title: 'Download the compliance report',
    language: 'Language',
  },
};

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const complianceKo: Messages<typeof complianceEn> = {
  tab: '규정 준수',
  title: '규정 준수',
  intro:
    '선택한 실행이 프레임워크에 얼마나 부합하는지 보여 줍니다. 통제 항목에 연결된 점검이 모두 통과하면 통과, 하나라도 실패하면 실패, 실패는 없지만 판단하지 못했거나 실행하지 않은 점검이 있으면 알 수 없음입니다. 점검으로 판단할 수 없는 통제 항목은 따로 모아 수동 검토 대상으로 보여 줍니다.',
  run: '실행',
  framework: '프레임워크',
  frameworks: {
    cis: 'CIS AWS Foundations 벤치마크 v5.0.0',
    fsbp: 'AWS 기본 보안 모범 사례(FSBP)',
    ismsp: 'KISA ISMS-P 2023',
  },
  noRun: '완료된 어드바이저 실행이 아직 없습니다. 먼저 서비스 어드바이저를 실행하세요.',
  share: '통과한 통제 항목',
  shareOf: '판단한 통제 항목 {{judged}}개 중 {{pass}}개 통과',
  noShare: '판단할 수 있는 통제 항목이 없습니다',
  statuses: { pass: '통과', fail: '실패', unknown: '알 수 없음', manual: '수동 검토' },
  checkStatuses: { pass: '통과', fail: '실패', unknown: '알 수 없음', not_run: '실행 안 함' },
  trend: {
    title: '최근 실행 추이',
    date: '실행',
    share: '통과율',
    chart: '통과한 통제 항목 비율(%)',
    empty: '이 계정의 첫 실행입니다.',
  },
  controls: {
    title: '점검으로 판단한 통제 항목',
    id: '통제 항목',
    name: '제목',
    status: '상태',
    checks: '점검',
    failing: '실패한 리소스',
    none: '없음',
    more: '외 {{count}}개',
    empty: '이 프레임워크에는 점검과 연결된 통제 항목이 없습니다.',
  },
  manual: {
    title: '직접 검토할 통제 항목',
    intro: '콘솔의 점검으로는 확인할 수 없는 통제 항목입니다. 감사 시 다른 방법으로 검토해야 합니다.',
    empty: '이 프레임워크의 모든 통제 항목이 점검과 연결되어 있습니다.',
  },
  downloads: {
    title: '규정 준수 보고서 내려받기',
    language: '언어',
  },
};
