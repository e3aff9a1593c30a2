/**
 * Text of Settings → API tokens, mounted at `settings.tokens.*` by src/web/i18n/{en,ko}.ts (kept
 * beside the page so the shared files carry one line for this part). The `*Errors*` objects are
 * spread into `errors.*`: the API client translates the server's error codes from there.
 */
export const apiTokensEn = {
  title: 'API tokens',
  intro:
    'A token lets a script or CI job call the console’s API as you, without your password. Create one per use, give it the smallest scope, and revoke it when it is no longer needed.',
  listTitle: 'Your tokens',
  empty: 'You have no API tokens yet.',
  add: 'Create a token',
  name: 'Name',
  scope: 'Scope',
  createdAt: 'Created',
  expiresAt: 'Expires',
  lastUsedAt: 'Last used',
  actions: 'Actions',
  hint: 'ends in …{{hint}}',
  never: 'Never',
  neverUsed: 'Not used yet',
  expired: 'Expired',
  scopes: {
    read: 'Read',
    'read-run': 'Read and run',
  },
  scopeHelp: {
    read: 'Only reads: lists, collections, findings, reports (GET requests).',
    'read-run': 'Reads, and also starts or cancels collections and advisor runs.',
  },
  revoke: 'Revoke',
  revokeTitle: 'Revoke API token',
  revokeBody: 'Revoke the token “{{name}}”? Scripts that use it stop working at once. This cannot be undone.',
  revokeConfirm: 'Revoke',
  revoked: 'The token “{{name}}” was revoked.',
  form: {
    title: 'Create an API token',
    name: 'Token name',
    namePlaceholder: 'e.g. nightly-report',
    nameHelp: 'Up to 64 characters, so you can tell your tokens apart.',
    scope: 'Scope',
    expiresInDays: 'Expires after (days)',
    expiresHelp: 'From 1 to {{max}} days. Leave empty for a token that never expires.',
    submit: 'Create token',
    submitting: 'Creating…',
  },
  secret: {
    title: 'Your new token “{{name}}”',
    warning:
      'Copy the token now and keep it somewhere safe, like a password. It is shown only this once: the console stores only a hash of it.',
    label: 'API token',
    copy: 'Copy the API token',
    done: 'I have copied it',
  },
  usage: {
    title: 'Using a token',
    body: 'Send the token in the Authorization header of each request:',
    session: 'Tokens cannot create, list or revoke tokens: that needs a signed-in session.',
    docs: 'Open the API reference (every endpoint, with request and response shapes)',
  },
};

export const apiTokensErrorsEn = {
  token_name_required: 'Enter a name for the token.',
  token_name_too_long: 'Use at most 64 characters.',
  token_days_invalid: 'Enter a whole number of days from 1 to 365, or leave it empty.',
  too_many_tokens: 'You have reached the maximum number of API tokens. Revoke one first.',
  token_not_found: 'This token no longer exists.',
  token_invalid: 'The API token is invalid or revoked.',
  token_expired: 'The API token has expired.',
  token_session_only: 'Sign in to the console to manage API tokens.',
  token_scope: 'This API token’s scope does not allow this.',
};

export const apiTokensKo: typeof apiTokensEn = {
  title: 'API 토큰',
  intro:
    '토큰을 쓰면 스크립트나 CI 작업이 비밀번호 없이 사용자 대신 콘솔 API를 호출할 수 있습니다. 용도마다 하나씩 만들고, 가장 좁은 범위를 주고, 더 이상 필요 없으면 폐기하세요.',
  listTitle: '내 토큰',
  empty: '아직 API 토큰이 없습니다.',
  add: '토큰 만들기',
  name: '이름',
  scope: '범위',
  createdAt: '생성',
  expiresAt: '만료',
  lastUsedAt: '마지막 사용',
  actions: '작업',
  hint: '끝자리 …{{hint}}',
  never: '만료 없음',
  neverUsed: '사용 기록 없음',
  expired: '만료됨',
  scopes: {
    read: '읽기',
    'read-run': '읽기 및 실행',
  },
  scopeHelp: {
    read: '읽기만 합니다: 목록, 수집, 진단 결과, 보고서(GET 요청).',
    'read-run': '읽기에 더해 수집과 어드바이저 실행을 시작하거나 취소할 수 있습니다.',
  },
  revoke: '폐기',
  revokeTitle: 'API 토큰 폐기',
  revokeBody:
    '“{{name}}” 토큰을 폐기할까요? 이 토큰을 쓰는 스크립트는 즉시 동작을 멈춥니다. 되돌릴 수 없습니다.',
  revokeConfirm: '폐기',
  revoked: '“{{name}}” 토큰을 폐기했습니다.',
  form: {
    title: 'API 토큰 만들기',
    name: '토큰 이름',
    namePlaceholder: '예: nightly-report',
    nameHelp: '토큰을 서로 구분할 수 있도록 64자 이내로 입력하세요.',
    scope: '범위',
    expiresInDays: '만료 기간(일)',
    expiresHelp: '1일부터 {{max}}일까지입니다. 비워 두면 만료되지 않습니다.',
    submit: '토큰 만들기',
    submitting: '만드는 중…',
  },
  secret: {
    title: '새 토큰 “{{name}}”',
    warning:
      '지금 토큰을 복사해 비밀번호처럼 안전한 곳에 보관하세요. 토큰은 이번 한 번만 표시됩니다. 콘솔에는 해시만 저장됩니다.',
    label: 'API 토큰',
    copy: 'API 토큰 복사',
    done: '복사했습니다',
  },
  usage: {
    title: '토큰 사용 방법',
    body: '요청마다 Authorization 헤더에 토큰을 넣어 보내세요:',
    session: '토큰으로는 토큰을 만들거나 조회하거나 폐기할 수 없습니다. 로그인한 세션이 필요합니다.',
    docs: 'API 레퍼런스 열기(모든 엔드포인트와 요청·응답 형식)',
  },
};

export const apiTokensErrorsKo: typeof apiTokensErrorsEn = {
  token_name_required: '토큰 이름을 입력하세요.',
  token_name_too_long: '64자 이내로 입력하세요.',
  token_days_invalid: '1부터 365 사이의 정수 일수를 입력하거나 비워 두세요.',
  too_many_tokens: 'API 토큰 개수 한도에 도달했습니다. 먼저 토큰 하나를 폐기하세요.',
  token_not_found: '이 토큰은 더 이상 존재하지 않습니다.',
  token_invalid: 'API 토큰이 유효하지 않거나 폐기되었습니다.',
  token_expired: 'API 토큰이 만료되었습니다.',
  token_session_only: 'API 토큰을 관리하려면 콘솔에 로그인하세요.',
  token_scope: '이 API 토큰의 범위로는 할 수 없는 작업입니다.',
};
