import type { spendEn, spendErrorsEn } from './messages.en.js';

/** Korean text of the Spend page (`spend.*` and its `errors.*`), typed against the English keys. */
export const spendKo: typeof spendEn = {
  title: '비용',
  intro:
    'Cost Explorer에서 가져온 월별 AWS 지출과 전월 대비 증감, 서비스별 어드바이저 예상 절감액을 함께 봅니다.',
  connection: 'AWS 연결',
  groupBy: '묶는 기준',
  byService: '서비스',
  byTag: '비용 할당 태그',
  tagKey: '태그 키',
  tagKeyHelp: '결제 콘솔에서 활성화한 비용 할당 태그의 키입니다 (예: `team`, `Environment`).',
  show: '보기',
  fetchedAt: '{{date}}에 Cost Explorer에서 가져온 수치',
  costNote:
    'Cost Explorer 요청은 건당 0.01 USD가 과금되므로 오늘(UTC) 하루 동안 저장해 두고 씁니다. 이번 조회에 {{requests}}이 들었습니다.',
  requests_one: '요청 {{count}}건',
  requests_other: '요청 {{count}}건',
  refresh: '새로 고침',
  refreshing: '새로 고치는 중…',
  refreshAfter: '{{date}}부터 새로 고칠 수 있습니다',
  downloadCsv: 'CSV 내려받기',
  chartTitle: '서비스별 월 지출 (USD)',
  chartTitleTag: '태그 {{key}} 값별 월 지출 (USD)',
  chartOthers: '기타',
  caption: '월별 지출 (USD, 비혼합 비용 기준, 크레딧과 환불 제외)',
  serviceColumn: '서비스',
  tagColumn: '태그 {{key}}',
  monthToDate: '{{month}} (현재까지)',
  estimated: '추정치',
  changeColumn: '전월 대비',
  savingsColumn: '어드바이저 예상 절감액 / 월',
  untagged: '(태그 없음)',
  total: '합계',
  noPercent: '신규',
  savingsHelp: '이 연결에서 서비스마다 가장 최근에 완료된 서비스 어드바이저 실행의 미해결 절감액입니다.',
  noAdvisorRun: '이 연결로 서비스 어드바이저를 실행하면 서비스별 예상 절감액이 함께 표시됩니다.',
  noCosts: '이 기간에 Cost Explorer가 보고한 지출이 없습니다.',
  noConnectionTitle: '먼저 AWS 계정을 연결하세요',
  noConnectionBody: '비용 화면은 ce:GetCostAndUsage 권한이 있는 AWS 연결로 Cost Explorer를 읽습니다.',
  openSettings: '설정 → AWS 접근 열기',
};

export const spendErrorsKo: typeof spendErrorsEn = {
  spend_access_denied:
    '이 AWS 연결에는 Cost Explorer를 읽을 권한이 없습니다. ce:GetCostAndUsage를 허용하세요 (설정 → IAM 정책의 선택 항목 AgainConsoleSpendOptional).',
  spend_not_enabled:
    '이 계정은 Cost Explorer가 활성화되어 있지 않습니다. 결제 콘솔에서 활성화하면 24시간 안에 데이터가 나타납니다.',
  spend_data_unavailable: 'Cost Explorer에 아직 이 계정의 데이터가 없습니다.',
  spend_refresh_too_soon:
    '가져온 지 한 시간이 지나지 않은 수치입니다. 새로 고침은 과금되는 Cost Explorer 요청이라 한 시간에 한 번만 할 수 있습니다.',
  spend_daily_limit:
    '이 연결은 오늘의 Cost Explorer 조회 한도(24회)에 도달했습니다. 이미 가져온 수치는 계속 볼 수 있으며, 내일(UTC) 다시 시도하세요.',
  spend_aws_throttled: 'Cost Explorer에 요청이 몰려 있습니다. 1분 뒤에 다시 시도하세요.',
  spend_connection_failed: 'AWS 연결로 로그인하지 못했습니다. 설정 → AWS 접근에서 연결을 확인하세요.',
  spend_aws_unreachable: 'Cost Explorer에 연결할 수 없습니다. 잠시 뒤에 다시 시도하세요.',
  spend_aws_error: 'Cost Explorer가 요청을 거부했습니다.',
  tag_key_invalid: '문자, 숫자, 공백과 _ . : / = + - @ 를 128자까지 쓸 수 있습니다.',
  tag_key_required: '태그 키를 입력하세요.',
};
