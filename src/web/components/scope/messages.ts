/** The account switcher and the organization roll-up (ko and en: same keys, the type enforces it). */
export const scopeEn = {
  label: 'Account scope',
  all: 'All accounts',
  find: 'Find an account',
  organization: '{{name}} (organization)',
  ou: 'OU {{path}}',
  account: '{{name}} ({{id}})',
  more: 'Only the first {{shown}} of {{total}} accounts are listed: type to find others.',
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
};
