/**
 * End to end through the real app: a schedule's tick (injected clock) starts collection + advisor
 * against the emulator, and the rule's e-mail arrives at a real SMTP server — in Korean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChannelResponse,
  RuleResponse,
  ScheduledRunsResponse,
  ScheduleResponse,
  SchedulesResponse,
} from '../../src/shared/api/notify.js';
import { connect, createVolume, waitForRun } from '../advisor/seed.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { resetMoto } from '../support/moto.js';
import { type SmtpReceiver, startSmtpReceiver } from './receivers.js';

const SMTP_PASSWORD = 'mail-secret-e2e-123';

describe('a scheduled scan notifies by e-mail', () => {
  let t: TestApp;
  let alice: Agent;
  let smtp: SmtpReceiver;
  let volumeId: string;
  const clock = { now: new Date() };
  /** The embedded scheduler (no REDIS_URL here) checked once against the test clock. */
  const checkSchedules = () => {
    const scheduler = t.deps.scheduler;
    if (!('check' in scheduler)) throw new Error('expected the embedded scheduler');
    return scheduler.check();
  };

  beforeAll(async () => {
    await resetMoto();
    volumeId = await createVolume(false);
    smtp = await startSmtpReceiver({ user: 'mailer', password: SMTP_PASSWORD });
    t = await createTestApp({
      env: { PUBLIC_URL: 'https://console.example.com' },
      overrides: {
        watch: { startScheduler: false, schedulerNow: () => clock.now, timeoutMs: 3_000, retryDelayMs: 50 },
      },
    });
    alice = await signUp(t.app, 'alice');
    await connect(alice);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('rejects bad input with clear 400s', async () => {
    const badCron = await alice.post('/api/schedules', {
      name: 'x',
      connectionId: 'nope',
      cron: 'every day',
      timeZone: 'Asia/Seoul',
      services: ['ec2'],
      regions: 'all-enabled',
    });
    expect(badCron.statusCode).toBe(400);
    const { connections } = (await alice.get('/api/connections')).json() as { connections: { id: string }[] };
    for (const region of ['xx-nowhere-1', 'cn-north-1']) {
      const unknownRegion = await alice.post('/api/schedules', {
        name: 'x',
        connectionId: connections[0]?.id,
        cron: '0 9 * * *',
        timeZone: 'Asia/Seoul',
        services: ['ec2'],
        regions: ['us-east-1', region],
      });
      expect(unknownRegion.statusCode, unknownRegion.body).toBe(400);
      expect(unknownRegion.json()).toMatchObject({
        error: { code: 'region_unknown', fields: { regions: 'region_unknown' } },
      });
      expect(unknownRegion.json().error.message).toContain(region);
    }
    expect((await alice.get('/api/schedules')).json()).toEqual({ schedules: [] });
    const tooOften = await alice.get('/api/schedules/preview?cron=*%20*%20*%20*%20*&timeZone=Asia/Seoul');
    expect(tooOften.statusCode).toBe(400);
    expect(tooOften.json()).toMatchObject({ error: { code: 'invalid_cron' } });
    const badZone = await alice.get('/api/schedules/preview?cron=0%209%20*%20*%20*&timeZone=Mars/Base');
    expect(badZone.statusCode).toBe(400);
    const badRule = await alice.post('/api/notify/rules', {
      name: 'r',
      channelIds: ['ch-unknown'],
      triggers: { scanFailed: true },
    });
    expect(badRule.statusCode).toBe(404);
    expect(badRule.json()).toMatchObject({ error: { code: 'channel_not_found' } });
    const badUrl = await alice.post('/api/notify/channels', {
      kind: 'slack',
      name: 's',
      webhookUrl: 'ftp://x',
    });
    expect(badUrl.statusCode).toBe(400);
  });

  it('previews the next runs in the schedule time zone', async () => {
    const res = await alice.get('/api/schedules/preview?cron=0%209%20*%20*%20*&timeZone=Asia/Seoul');
    expect(res.statusCode, res.body).toBe(200);
    const { nextRuns } = res.json() as { nextRuns: string[] };
    expect(nextRuns).toHaveLength(5);
    for (const at of nextRuns) expect(at).toMatch(/T00:00:00\.000Z$/); // 09:00 KST
  });

  it('runs collection + advisor at the tick and the rule mails new high findings in Korean', async () => {
    const connectionId = ((await alice.get('/api/connections')).json() as { connections: { id: string }[] })
      .connections[0]?.id as string;
    const channelRes = await alice.post('/api/notify/channels', {
      kind: 'email',
      name: '운영팀 메일',
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      user: 'mailer',
      password: SMTP_PASSWORD,
      from: 'console@example.com',
      to: ['ops@example.com'],
    });
    expect(channelRes.statusCode, channelRes.body).toBe(201);
    expect(channelRes.body).not.toContain(SMTP_PASSWORD);
    const channel = ChannelResponse.parse(channelRes.json()).channel;
    const ruleRes = await alice.post('/api/notify/rules', {
      name: '새 심각 항목',
      channelIds: [channel.id],
      connectionId,
      lang: 'ko',
      triggers: { newFindingsMinSeverity: 'high' },
    });
    expect(ruleRes.statusCode, ruleRes.body).toBe(201);
    RuleResponse.parse(ruleRes.json());
    const scheduleRes = await alice.post('/api/schedules', {
      name: '매일 오전 9시',
      connectionId,
      cron: '0 9 * * *',
      timeZone: 'Asia/Seoul',
      services: ['ec2'],
      regions: ['us-east-1'],
    });
    expect(scheduleRes.statusCode, scheduleRes.body).toBe(201);
    const schedule = ScheduleResponse.parse(scheduleRes.json()).schedule;
    const tick = new Date(schedule.nextRuns[0] as string);

    clock.now = new Date(tick.getTime() - 60_000);
    expect(await checkSchedules()).toBe(0);
    clock.now = new Date(tick.getTime() + 5_000);
    expect(await checkSchedules()).toBe(1);
    expect(await checkSchedules()).toBe(0);

    const history = ScheduledRunsResponse.parse(
      (await alice.get(`/api/schedules/${schedule.id}/runs`)).json(),
    ).runs;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ tick: tick.toISOString(), catchUp: false });
    const runId = history[0]?.runId as string;
    const detail = await waitForRun(alice, runId);
    expect(detail.run.status).toBe('completed');

    const [mail] = await smtp.waitFor(1, 20_000);
    expect(mail?.to).toEqual(['ops@example.com']);
    expect(mail?.subject).toMatch(
      /^again-console: 새 발견 항목 \d+건, 해결 0건 — emulator \(123456789012\)$/,
    );
    expect(mail?.text).toContain(`[높음] ebs-volume-encrypted · ${volumeId} (us-east-1)`);
    expect(mail?.text).toContain(`실행 결과 보기: https://console.example.com/advisor?run=${runId}`);
    expect(mail?.raw).not.toContain(SMTP_PASSWORD);

    const listed = SchedulesResponse.parse((await alice.get('/api/schedules')).json()).schedules;
    expect(listed[0]).toMatchObject({ lastRunId: runId, lastTick: tick.toISOString() });
    // The mail is in; the job writes its final status right after.
    let deliveries = { deliveries: [] as { status: string }[] };
    for (let i = 0; i < 100; i++) {
      deliveries = (await alice.get('/api/notify/deliveries')).json() as typeof deliveries;
      if (deliveries.deliveries[0]?.status === 'delivered') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(deliveries.deliveries.map((d) => d.status)).toEqual(['delivered']);
    const all = JSON.stringify([
      (await alice.get('/api/notify/channels')).json(),
      (await alice.get('/api/notify/rules')).json(),
      deliveries,
    ]);
    expect(all).not.toContain(SMTP_PASSWORD);
    expect(t.logs.join('\n')).not.toContain(SMTP_PASSWORD);
  });

  it('pauses and resumes a schedule; a paused one shows no next runs and does not run', async () => {
    const [schedule] = SchedulesResponse.parse((await alice.get('/api/schedules')).json()).schedules;
    const paused = await alice.post(`/api/schedules/${schedule?.id}/pause`, { paused: true });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(ScheduleResponse.parse(paused.json()).schedule).toMatchObject({ paused: true, nextRuns: [] });
    clock.now = new Date(clock.now.getTime() + 24 * 3600_000);
    expect(await checkSchedules()).toBe(0);
    const resumed = await alice.post(`/api/schedules/${schedule?.id}/pause`, { paused: false });
    expect(ScheduleResponse.parse(resumed.json()).schedule.nextRuns).toHaveLength(5);
    const removed = await alice.delete(`/api/schedules/${schedule?.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await alice.get(`/api/schedules/${schedule?.id}/runs`)).statusCode).toBe(404);
  });
});
