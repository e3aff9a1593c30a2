import type { LocalizedText, Severity } from '../core/services.js';

/**
 * Wording and colours the web console and the PDF report must share, in one place so they cannot
 * drift apart. The score sentence matches src/reports/score.ts (severity weights 8/4/2/1/0.5,
 * warnings count half, muted and unevaluated findings left out).
 */
export const SCORE_EXPLANATION: LocalizedText = {
  en: 'Severity-weighted share of evaluated findings that pass: a critical finding weighs 8, high 4, medium 2, low 1, info 0.5; a warning counts as half a failure; muted and unevaluated findings are left out.',
  ko: '평가된 발견 항목 중 통과한 비율을 심각도로 가중한 값입니다. 심각 8, 높음 4, 보통 2, 낮음 1, 정보 0.5의 가중치를 두고, 경고는 실패의 절반으로 셉니다. 예외 처리되었거나 평가하지 못한 발견 항목은 제외합니다.',
};

/** Severity colours of badges, charts and the PDF (High clearly apart from Medium). */
export const SEVERITY_COLORS: Record<Severity, string> = {
  critical: '#842029',
  high: '#dc3545',
  medium: '#f0ad4e',
  low: '#3d8bfd',
  info: '#6c757d',
};

/** Text colour on a severity badge with at least 4.5:1 contrast. */
export const SEVERITY_TEXT_COLORS: Record<Severity, string> = {
  critical: '#ffffff',
  high: '#ffffff',
  medium: '#000000',
  low: '#000000',
  info: '#ffffff',
};
