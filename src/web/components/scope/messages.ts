/** The account switcher and the organization roll-up (ko and en: same keys, the type enforces it). */
export const scopeEn = {
  label: 'Account scope',
  all: 'All accounts',
  find: 'Find an account',
  organization: '{{name}} (organization)',
  ou: 'OU {{path}}',
  account: '{{name}} ({{id}})',
  more: 'Only the first {{shown}} of {{total}} accounts are listed: type to find others.',
  rollup: {
    title_one: '{{count}} account in scope',
    title_other: '{{count}} accounts in scope',
    sort: 'Sort by',
    sorts: {
      risk: 'Lowest score first',
      open: 'Most open findings',
      savings: 'Biggest savings',
      name: 'Name',
    },
    account: 'Account',
    ou: 'OU',
    lastRun: 'Last run',
    never: 'Not evaluated yet',
    pages: 'Account pages',
    previous: 'Previous',
    next: 'Next',
    range: '{{from}}–{{to}} of {{total}}',
    heatMap: 'Open findings by account and category',
    heatMapHelp:
      'Each cell counts the open findings; darker means more. Choose an account to see its dashboard.',
  },
};

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const scopeKo: Messages<typeof scopeEn> = {
  label: '계정 범위',
  all: '모든 계정',
  find: '계정 찾기',
  organization: '{{name}} (조직)',
  ou: '조직 단위 {{path}}',
  account: '{{name}} ({{id}})',
  more: '계정 {{total}}개 중 처음 {{shown}}개만 보입니다. 다른 계정은 검색하세요.',
  rollup: {
    title_one: '범위 안의 계정 {{count}}개',
    title_other: '범위 안의 계정 {{count}}개',
    sort: '정렬',
    sorts: { risk: '점수 낮은 순', open: '조치 필요 항목 많은 순', savings: '절감액 큰 순', name: '이름순' },
    account: '계정',
    ou: '조직 단위',
    lastRun: '최근 실행',
    never: '아직 평가 전',
    pages: '계정 페이지',
    previous: '이전',
    next: '다음',
    range: '전체 {{total}}개 중 {{from}}–{{to}}',
    heatMap: '계정·카테고리별 조치 필요 항목 히트맵',
    heatMapHelp:
      '칸마다 조치 필요 항목 수를 보여 주며, 색이 진할수록 많습니다. 계정을 고르면 그 계정의 대시보드가 열립니다.',
  },
};
