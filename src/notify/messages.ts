import type { Lang, LocalizedText, Severity } from '../core/services.js';
import { SEVERITY_LABELS } from '../reports/i18n.js';

/** One finding as a message lists it. */
export interface MessageFinding {
  checkId: string;
  severity: Severity;
  resourceId: string;
  region: string;
  message: LocalizedText;
  estimatedMonthlySavingsUsd?: number;
}

/** What one notification says, before it is put into a language and a channel's format. */
export interface NotificationContent {
  kind: 'run' | 'test';
  runId?: string;
  connectionName?: string;
  accountId?: string;
  outcome?: 'completed' | 'partial' | 'failed';
  failureReason?: string;
  newCount: number;
  newTop: MessageFinding[];
  resolvedCount: number;
  resolvedTop: MessageFinding[];
  savings?: { beforeUsd: number | null; afterUsd: number };
  /** The largest open savings, listed under the savings line when the savings changed. */
  savingsTop?: MessageFinding[];
  link?: string;
}

export interface RenderedMessage {
  lang: Lang;
  subject: string;
  text: string;
  slack: { text: string; blocks: unknown[] };
  webhook: Record<string, unknown>;
}

const usd = (value: number) => `$${value.toFixed(2)}`;
const signedUsd = (value: number) => `${value >= 0 ? '+' : '-'}${usd(Math.abs(value))}`;

const TEXT = {
  en: {
    testSubject: 'again-console: test message',
    testBody: 'This is a test message from again-console. If you can read it, the channel works.',
    failedSubject: (scope: string) => `again-console: scan failed — ${scope}`,
    partialSubject: (scope: string) => `again-console: scan completed with errors — ${scope}`,
    runSubject: (scope: string, n: number, r: number) =>
      `again-console: ${n} new, ${r} resolved findings — ${scope}`,
    intro: (scope: string, runId: string) => `Advisor run ${runId} of ${scope}.`,
    failed: (reason: string) => `The scan failed: ${reason}`,
    partial: 'The collection completed with errors: some services or regions could not be read.',
    newHeading: (n: number) => `New findings: ${n}`,
    resolvedHeading: (n: number) => `Resolved findings: ${n}`,
    more: (n: number) => `…and ${n} more`,
    savings: (after: number, before: number | null) =>
      before === null
        ? `Estimated monthly savings: ${usd(after)}`
        : `Estimated monthly savings: ${usd(after)} (was ${usd(before)}, ${signedUsd(after - before)})`,
    link: (url: string) => `Open the run: ${url}`,
  },
  ko: {
    testSubject: 'again-console: 테스트 메시지',
    testBody: 'again-console에서 보낸 테스트 메시지입니다. 이 메시지가 보이면 채널이 정상적으로 작동합니다.',
    failedSubject: (scope: string) => `again-console: 검사 실패 — ${scope}`,
    partialSubject: (scope: string) => `again-console: 검사가 일부 오류와 함께 끝남 — ${scope}`,
    runSubject: (scope: string, n: number, r: number) =>
      `again-console: 새 발견 항목 ${n}건, 해결 ${r}건 — ${scope}`,
    intro: (scope: string, runId: string) => `${scope}의 어드바이저 실행 결과입니다 (실행 ${runId}).`,
    failed: (reason: string) => `검사가 실패했습니다: ${reason}`,
    partial: '수집이 일부 오류와 함께 끝났습니다. 일부 서비스나 리전을 읽지 못했습니다.',
    newHeading: (n: number) => `새 발견 항목: ${n}건`,
    resolvedHeading: (n: number) => `해결된 항목: ${n}건`,
    more: (n: number) => `…외 ${n}건`,
    savings: (after: number, before: number | null) =>
      before === null
        ? `월 예상 절감액: ${usd(after)}`
        : `월 예상 절감액: ${usd(after)} (이전 ${usd(before)}, ${signedUsd(after - before)})`,
    link: (url: string) => `실행 결과 보기: ${url}`,
  },
} as const;

function findingLine(lang: Lang, f: MessageFinding): string {
  const savings = f.estimatedMonthlySavingsUsd ? ` (${usd(f.estimatedMonthlySavingsUsd)}/mo)` : '';
  return `- [${SEVERITY_LABELS[lang][f.severity]}] ${f.checkId} · ${f.resourceId} (${f.region}): ${f.message[lang]}${savings}`;
}

function subjectOf(lang: Lang, c: NotificationContent): string {
  const t = TEXT[lang];
  if (c.kind === 'test') return t.testSubject;
  const scope = c.accountId ? `${c.connectionName ?? ''} (${c.accountId})`.trim() : (c.connectionName ?? '');
  if (c.outcome === 'failed') return t.failedSubject(scope);
  if (c.outcome === 'partial') return t.partialSubject(scope);
  return t.runSubject(scope, c.newCount, c.resolvedCount);
}

/** Paragraphs of the message; the e-mail joins them, Slack puts each in a section block. */
function sectionsOf(lang: Lang, c: NotificationContent): string[] {
  const t = TEXT[lang];
  if (c.kind === 'test') return [t.testBody];
  const scope = c.accountId ? `${c.connectionName ?? ''} (${c.accountId})`.trim() : (c.connectionName ?? '');
  const sections = [t.intro(scope, c.runId ?? '')];
  if (c.outcome === 'failed') sections.push(t.failed(c.failureReason ?? '—'));
  if (c.outcome === 'partial') sections.push(t.partial);
  const list = (heading: string, count: number, top: MessageFinding[]) => {
    const lines = [heading, ...top.map((f) => findingLine(lang, f))];
    if (count > top.length) lines.push(t.more(count - top.length));
    sections.push(lines.join('\n'));
  };
  if (c.newCount > 0) list(t.newHeading(c.newCount), c.newCount, c.newTop);
  if (c.resolvedCount > 0) list(t.resolvedHeading(c.resolvedCount), c.resolvedCount, c.resolvedTop);
  if (c.savings) {
    const lines = [t.savings(c.savings.afterUsd, c.savings.beforeUsd)];
    sections.push([...lines, ...(c.savingsTop ?? []).map((f) => findingLine(lang, f))].join('\n'));
  }
  if (c.link) sections.push(t.link(c.link));
  return sections;
}

/** The message in the user's language, in every channel's format. */
export function renderMessage(lang: Lang, content: NotificationContent): RenderedMessage {
  const subject = subjectOf(lang, content);
  const sections = sectionsOf(lang, content);
  return {
    lang,
    subject,
    text: `${sections.join('\n\n')}\n`,
    slack: {
      text: subject,
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: subject.slice(0, 150) } },
        // Slack limits a section's text to 3000 characters.
        ...sections.map((s) => ({ type: 'section', text: { type: 'mrkdwn', text: s.slice(0, 3000) } })),
      ],
    },
    webhook: { event: content.kind === 'test' ? 'test' : 'advisor_run', lang, subject, ...content },
  };
}
