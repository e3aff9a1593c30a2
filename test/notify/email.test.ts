import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/shared/api/notify.js';
import { keys } from '../../src/storage/keys.js';
import { type SmtpReceiver, startSmtpReceiver } from './receivers.js';
import { createNotifyHarness, finding, type NotifyHarness, storedRun } from './setup.js';

const PASSWORD = 'smtp-pass-Very-Secret-42';

async function settled(h: NotifyHarness, count: number): Promise<Delivery[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const list = await h.service.deliveries.list('alice');
    const done = list.filter((d) => d.status === 'delivered' || d.status === 'failed');
    if (done.length >= count) return list;
    if (Date.now() > deadline) throw new Error(`deliveries not settled: ${JSON.stringify(list)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('e-mail notifications over a real SMTP server', () => {
  let h: NotifyHarness;
  let smtp: SmtpReceiver;
  let channelId: string;

  beforeEach(async () => {
    h = await createNotifyHarness();
    smtp = await startSmtpReceiver({ user: 'mailer', password: PASSWORD });
    const channel = await h.service.createChannel('alice', {
      kind: 'email',
      name: 'ops mail',
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      user: 'mailer',
      password: PASSWORD,
      from: 'console@example.com',
      to: ['ops@example.com'],
    });
    channelId = channel.id;
  });
  afterEach(async () => {
    await h.close();
    await smtp.close();
  });

  it('stores the password sealed and never shows it', async () => {
    const raw = await readFile(join(h.dataDir, keys.notifyChannels('alice')), 'utf8');
    expect(raw).not.toContain(PASSWORD);
    expect(raw).not.toContain('mailer');
    const listed = JSON.stringify(await h.service.channels.list('alice'));
    expect(listed).not.toContain(PASSWORD);
    expect(listed).toContain(`127.0.0.1:${smtp.port}`);
  });

  it('sends a test message in Korean and in English, with the result shown', async () => {
    const ko = await h.service.sendTest('alice', channelId, 'ko');
    expect(ko.status).toBe('delivered');
    expect(ko.attempts).toHaveLength(1);
    expect(ko.attempts[0]).toMatchObject({ ok: true, responseCode: 250 });
    const en = await h.service.sendTest('alice', channelId, 'en');
    expect(en.status).toBe('delivered');
    const [first, second] = await smtp.waitFor(2);
    expect(first?.subject).toBe('again-console: 테스트 메시지');
    expect(first?.text).toContain('이 메시지가 보이면 채널이 정상적으로 작동합니다');
    expect(first?.to).toEqual(['ops@example.com']);
    expect(second?.subject).toBe('again-console: test message');
    expect(second?.text).toContain('If you can read it, the channel works.');
    for (const m of smtp.messages) expect(m.raw).not.toContain(PASSWORD);
  });

  it('mails a digest of new high/critical findings of a run, in the user language, without muted ones', async () => {
    await h.service.createRule('alice', {
      name: 'serious',
      enabled: true,
      channelIds: [channelId],
      triggers: { newFindingsMinSeverity: 'high', resolvedFindings: true, scanFailed: false, checkIds: [] },
    });
    const before = storedRun('2026-12-01T00-00-00.000Z');
    const after = storedRun('2026-12-02T00-00-00.000Z');
    h.runs.push(before, after);
    h.findings.set(before.runId, [
      finding('ec2-old', 'critical', 'i-old'),
      finding('ec2-fixed', 'high', 'i-fixed'),
    ]);
    h.findings.set(after.runId, [
      finding('ec2-old', 'critical', 'i-old'), // still failing: not new
      finding('ec2-imdsv2', 'critical', 'i-new1'),
      finding('ec2-sg', 'high', 'i-new2'),
      finding('ec2-low', 'low', 'i-new3'), // below the threshold
      finding('ec2-muted', 'critical', 'i-muted', {
        muted: { reason: 'ok', by: 'alice', at: '2026-12-01', ruleId: 'm1' },
      }),
    ]);
    h.lang.value = 'ko';
    expect(await h.service.onRunFinished(after)).toBe(1);
    const [ko] = await smtp.waitFor(1);
    expect(ko?.subject).toBe('again-console: 새 발견 항목 2건, 해결 1건 — prod (123456789012)');
    expect(ko?.text).toContain('새 발견 항목: 2건');
    expect(ko?.text).toContain('[심각] ec2-imdsv2 · i-new1 (ap-northeast-2): i-new1 점검 실패');
    expect(ko?.text).toContain('[높음] ec2-sg · i-new2');
    expect(ko?.text).toContain('해결된 항목: 1건');
    expect(ko?.text).toContain(`실행 결과 보기: https://console.example.com/advisor?run=${after.runId}`);
    expect(ko?.text).not.toContain('i-muted');
    expect(ko?.text).not.toContain('i-new3');
    expect(ko?.text).not.toContain('i-old');

    h.lang.value = 'en';
    await h.service.onRunFinished(after);
    const [, en] = await smtp.waitFor(2);
    expect(en?.subject).toBe('again-console: 2 new, 1 resolved findings — prod (123456789012)');
    expect(en?.text).toContain('[Critical] ec2-imdsv2 · i-new1 (ap-northeast-2): i-new1 failed the check');
    expect(en?.text).toContain('Resolved findings: 1');
    const history = await settled(h, 2);
    expect(history.every((d) => d.ruleId && d.runId === after.runId && d.status === 'delivered')).toBe(true);
  });

  it('does not notify when nothing the rule watches happened, and reports a failed scan', async () => {
    await h.service.createRule('alice', {
      name: 'failures',
      enabled: true,
      channelIds: [channelId],
      triggers: {
        newFindingsMinSeverity: 'critical',
        resolvedFindings: false,
        scanFailed: true,
        checkIds: [],
      },
    });
    const quiet = storedRun('2026-12-01T00-00-00.000Z');
    h.runs.push(quiet);
    h.findings.set(quiet.runId, [finding('ec2-low', 'low', 'i-1')]);
    expect(await h.service.onRunFinished(quiet)).toBe(0);
    const failed = storedRun('2026-12-02T00-00-00.000Z', {
      status: 'failed',
      failureReason: 'AccessDenied on sts:AssumeRole',
    });
    expect(await h.service.onRunFinished(failed)).toBe(1);
    const [mail] = await smtp.waitFor(1);
    expect(mail?.subject).toBe('again-console: scan failed — prod (123456789012)');
    expect(mail?.text).toContain('The scan failed: AccessDenied on sts:AssumeRole');
    const partial = storedRun('2026-12-03T00-00-00.000Z');
    h.collectionStatus.set(`col-${partial.runId}`, 'completed_with_errors');
    expect(await h.service.onRunFinished(partial)).toBe(1);
    const [, second] = await smtp.waitFor(2);
    expect(second?.subject).toBe('again-console: scan completed with errors — prod (123456789012)');
  });

  it('fails without retry when the server refuses the login (5xx), and records it', async () => {
    const wrong = await h.service.createChannel('alice', {
      kind: 'email',
      name: 'wrong password',
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      user: 'mailer',
      password: 'not-the-password',
      from: 'console@example.com',
      to: ['ops@example.com'],
    });
    const result = await h.service.sendTest('alice', wrong.id, 'en');
    expect(result.status).toBe('failed');
    expect(result.attempts).toHaveLength(1);
    expect(result.attempts[0]?.responseCode).toBe(535);
    expect(JSON.stringify(result)).not.toContain('not-the-password');
    expect(h.logs.join('\n')).not.toContain('not-the-password');
  });
});
