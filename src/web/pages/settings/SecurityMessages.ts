/**
 * Text of Settings → Account's audit log and invite cards, mounted at `settings.audit.*` and
 * `settings.invites.*` by src/web/i18n/{en,ko}.ts; the `*Errors*` objects are spread into `errors.*`.
 */
export const auditEn = {
  title: 'Security log',
  intro:
    'Sign-ins, failed sign-ins, password changes, API tokens, AWS connections and mutes on your account, newest first (the last 200).',
  empty: 'Nothing recorded yet.',
  when: 'Time',
  what: 'Event',
  address: 'Address',
  target: 'Object',
  actions: {
    registered: 'Account created',
    sign_in: 'Signed in',
    sign_in_failed: 'Failed sign-in',
    sign_out: 'Signed out',
    password_changed: 'Password changed',
    token_created: 'API token created',
    token_revoked: 'API token revoked',
    connection_created: 'AWS connection added',
    connection_deleted: 'AWS connection removed',
    mute_created: 'Finding muted',
    mute_deleted: 'Mute removed',
    invite_created: 'Invite created',
  },
};

export const auditKo: typeof auditEn = {
  title: '보안 기록',
  intro:
    '내 계정의 로그인, 실패한 로그인, 비밀번호 변경, API 토큰, AWS 연결, 숨김 기록입니다. 최근 200건을 최신순으로 보여 줍니다.',
  empty: '아직 기록이 없습니다.',
  when: '시각',
  what: '내용',
  address: '주소',
  target: '대상',
  actions: {
    registered: '계정 생성',
    sign_in: '로그인',
    sign_in_failed: '로그인 실패',
    sign_out: '로그아웃',
    password_changed: '비밀번호 변경',
    token_created: 'API 토큰 생성',
    token_revoked: 'API 토큰 폐기',
    connection_created: 'AWS 연결 추가',
    connection_deleted: 'AWS 연결 삭제',
    mute_created: '결과 숨김',
    mute_deleted: '숨김 해제',
    invite_created: '초대 생성',
  },
};

export const invitesEn = {
  title: 'Invites',
  intro: 'This server is invite-only. Create a single-use invite for each new user; it is valid for 7 days.',
  create: 'Create an invite',
  creating: 'Creating…',
  created: 'Send this link (or the code) to the new user. It is shown only now.',
  code: 'Invite code',
  link: 'Invite link',
  empty: 'You have not created any invites.',
  createdAt: 'Created',
  expiresAt: 'Expires',
  status: 'Status',
  unused: 'Not used',
  usedBy: 'Used by {{username}}',
};

export const invitesKo: typeof invitesEn = {
  title: '초대',
  intro:
    '이 서버는 초대받은 사람만 가입할 수 있습니다. 새 사용자마다 한 번만 쓰는 초대를 만드세요. 초대는 7일 동안 유효합니다.',
  create: '초대 만들기',
  creating: '만드는 중…',
  created: '이 링크나 코드를 새 사용자에게 보내세요. 지금 한 번만 보여 줍니다.',
  code: '초대 코드',
  link: '초대 링크',
  empty: '만든 초대가 없습니다.',
  createdAt: '만든 시각',
  expiresAt: '만료',
  status: '상태',
  unused: '사용 전',
  usedBy: '{{username}} 님이 사용함',
};

export const securityErrorsEn = {
  password_common: 'This password is too common. Choose one that is harder to guess.',
  registration_throttled: 'Too many sign-ups from your address. Try again in {{seconds}} seconds.',
  invite_required: 'Sign-up on this server needs an invite code from its admin.',
  invite_invalid: 'The invite code is invalid, expired or already used.',
  origin_mismatch: 'The request came from another site and was refused.',
  admin_only: 'Only the admin can do this.',
};

export const securityErrorsKo: typeof securityErrorsEn = {
  password_common: '너무 흔한 비밀번호입니다. 추측하기 어려운 비밀번호를 고르세요.',
  registration_throttled: '이 주소에서 가입 시도가 너무 많습니다. {{seconds}}초 후에 다시 시도하세요.',
  invite_required: '이 서버에 가입하려면 관리자에게 받은 초대 코드가 필요합니다.',
  invite_invalid: '초대 코드가 올바르지 않거나 만료되었거나 이미 사용되었습니다.',
  origin_mismatch: '다른 사이트에서 보낸 요청이라 거부했습니다.',
  admin_only: '관리자만 할 수 있습니다.',
};
