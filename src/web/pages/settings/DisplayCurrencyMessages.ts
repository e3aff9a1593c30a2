/** Text of the display-currency card (Settings → Account), mounted at `settings.currency.*`. */
export const currencyEn = {
  title: 'Display currency',
  intro:
    'Show an approximate amount in Korean won beside every US dollar amount, at a rate you set. AWS bills in USD; the won figure is only a conversion.',
  enabled: 'Show amounts in KRW as well',
  rate: 'Won per US dollar',
  rateDate: 'Date of the rate',
  example: 'Example: {{example}}',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  rateInvalid: 'Enter a rate between 1 and 100,000.',
  dateInvalid: 'Enter the date of the rate.',
  approxTitle: 'At a rate you set: 1 USD = {{rate}} ({{date}})',
};

export const currencyKo: typeof currencyEn = {
  title: '표시 통화',
  intro:
    '모든 미국 달러 금액 옆에 직접 설정한 환율로 환산한 원화 근삿값을 함께 표시합니다. AWS 요금은 USD로 청구되며 원화 금액은 환산값일 뿐입니다.',
  enabled: 'KRW 금액도 표시',
  rate: '1달러당 원화',
  rateDate: '환율 기준일',
  example: '예: {{example}}',
  save: '저장',
  saving: '저장하는 중…',
  saved: '저장했습니다.',
  rateInvalid: '1에서 100,000 사이의 환율을 입력하세요.',
  dateInvalid: '환율 기준일을 입력하세요.',
  approxTitle: '직접 설정한 환율 기준: 1 USD = {{rate}} ({{date}})',
};
