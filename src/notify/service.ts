import { type AdvisorRunStore, type StoredRun, sameAccountRuns } from '../advisor/store.js';
import type { SecretBox } from '../connections/secrets.js';
import type { Finding } from '../core/findings.js';
import type { Lang } from '../core/services.js';
import type { JobQueue } from '../jobs/queue.js';
import type { CreateChannelBody, Delivery, Rule, RuleBody } from '../shared/api/notify.js';
import type { DocumentStore } from '../storage/documents.js';
import { ChannelStore } from './channels.js';
import {
  createDeliveryHandler,
  DEFAULT_DELIVERY_BACKOFF_MS,
  DELIVERY_ATTEMPTS,
  DELIVERY_JOB,
  type DeliveryJobPayload,
  DeliveryStore,
  deliveryJobId,
  type StoredDelivery,
  toPublic,
} from './deliveries.js';
import { NotifyError } from './errors.js';
import { evaluateRule, quietUntil, type RunOutcome } from './evaluate.js';
import { type NotificationContent, renderMessage } from './messages.js';
import { RuleStore } from './rules.js';
import { checkReceiverUrl, type ReceiverPolicy } from './url-guard.js';

export interface NotifyServiceDeps {
  documents: DocumentStore;
  box: SecretBox;
  /**
   * Deliveries are jobs on this queue: in-process, or BullMQ in Redis mode (any worker sends them).
   * Built with `deliveryRetry(retryDelayMs)`: the queue's attempts and backoff are the retries.
   */
  queue: JobQueue;
  /** This process sends deliveries (registers the job handler): a worker, or the embedded server. */
  sendsDeliveries?: boolean;
  now: () => Date;
  runs: Pick<AdvisorRunStore, 'list'>;
  /** A run's findings with the user's mutes applied (AdvisorService.findingsOf). */
  findingsOf: (run: StoredRun) => Promise<Finding[]>;
  collectionStatus: (username: string, collectionId: string) => Promise<string | null>;
  connectionExists: (username: string, connectionId: string) => Promise<boolean>;
  /** Ids of the checks a rule of chosen checks may name (the advisor's catalogue). */
  checkIds: () => ReadonlySet<string>;
  lang: (username: string) => Promise<Lang>;
  /** PUBLIC_URL: messages link back to the run when set. */
  publicUrl?: string;
  timeoutMs?: number;
  /** The queue's first backoff (only to bound how long "send a test" and a `sending` delivery may take). */
  retryDelayMs?: number;
  /** NOTIFY_ALLOW_LOCAL_HTTP: loopback Slack/webhook receivers, over http too (development and tests). */
  allowLocalReceivers?: boolean;
  /** DNS for the URL check when a channel is saved (tests give names their own answers). */
  resolveHost?: (host: string) => Promise<string[]>;
  log: (level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown>) => void;
}

export type NotifyService = ReturnType<typeof createNotifyService>;

const DEFAULT_TIMEOUT_MS = 10_000;
const STUCK_MARGIN_MS = 60_000;
/** How often "send a test" looks at its delivery's status. */
const TEST_POLL_MS = 100;

/** Channels, rules, deliveries and the hook advisor runs call when they finish. */
export function createNotifyService(deps: NotifyServiceDeps) {
  const channels = new ChannelStore(deps.documents, deps.box, deps.now);
  const rules = new RuleStore(deps.documents, deps.now);
  const deliveries = new DeliveryStore(deps.documents, deps.now);
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retryDelayMs = deps.retryDelayMs ?? DEFAULT_DELIVERY_BACKOFF_MS;
  /** Longer than a live delivery can be `sending`: every attempt timing out plus the backoffs. */
  const stuckAfterMs = DELIVERY_ATTEMPTS * timeoutMs + 3 * 4 * retryDelayMs + STUCK_MARGIN_MS;

  const receivers: ReceiverPolicy = { allowLocal: deps.allowLocalReceivers ?? false };
  if (deps.sendsDeliveries !== false)
    deps.queue.process<DeliveryJobPayload>(
      DELIVERY_JOB,
      createDeliveryHandler({ deliveries, channels, now: deps.now, timeoutMs, receivers, log: deps.log }),
    );

  const enqueue = (d: Pick<StoredDelivery, 'username' | 'id'>) =>
    deps.queue.enqueue<DeliveryJobPayload>({
      id: deliveryJobId(d.username, d.id),
      type: DELIVERY_JOB,
      payload: { username: d.username, deliveryId: d.id },
    });

  async function validateRule(username: string, body: RuleBody): Promise<void> {
    const channelIds = new Set((await channels.list(username)).map((c) => c.id));
    const missing = body.channelIds.filter((id) => !channelIds.has(id));
    if (missing.length > 0)
      throw new NotifyError('channel_not_found', `Unknown channel ${missing[0]?.slice(0, 100)}`, {
        channelIds: 'unknown channel',
      });
    const known = deps.checkIds();
    const unknownCheck = body.triggers.checkIds.find((id) => !known.has(id));
    if (unknownCheck !== undefined)
      throw new NotifyError('unknown_check', `Unknown check ${unknownCheck.slice(0, 100)}`, {
        checkIds: 'unknown_check',
      });
    if (body.connectionId && !(await deps.connectionExists(username, body.connectionId)))
      throw new NotifyError('connection_not_found', 'Unknown connection', {
        connectionId: 'unknown connection',
      });
  }

  /** Queues one message to one channel, or holds it until the rule's quiet hours end. */
  async function queueMessage(
    username: string,
    channelId: string,
    content: NotificationContent,
    lang: Lang,
    rule?: Rule,
  ): Promise<StoredDelivery> {
    const channel = await channels.get(username, channelId);
    const held = quietUntil(rule?.quietHours, deps.now());
    const delivery = await deliveries.create({
      username,
      channelId,
      channelName: channel.name,
      channelKind: channel.kind,
      ...(rule ? { ruleId: rule.id } : {}),
      ...(content.runId ? { runId: content.runId } : {}),
      test: content.kind === 'test',
      status: held ? 'held' : 'queued',
      ...(held ? { notBefore: held.toISOString() } : {}),
      message: renderMessage(lang, content),
    });
    if (!held)
      await enqueue(delivery).catch((error: unknown) =>
        deps.log('warn', 'could not queue a delivery', { deliveryId: delivery.id, error: String(error) }),
      );
    return delivery;
  }

  async function outcomeOf(run: StoredRun): Promise<RunOutcome> {
    const completed = run.status === 'completed';
    const previousRun = completed
      ? (await deps.runs.list(run.username)).find(
          (r) => r.status === 'completed' && sameAccountRuns(r, run) && r.runId < run.runId,
        )
      : undefined;
    const status = run.collectionId ? await deps.collectionStatus(run.username, run.collectionId) : null;
    return {
      runId: run.runId,
      connectionId: run.connectionId,
      ...(run.connectionName ? { connectionName: run.connectionName } : {}),
      ...(run.accountId ? { accountId: run.accountId } : {}),
      status: completed ? 'completed' : 'failed',
      ...(run.failureReason ? { failureReason: run.failureReason } : {}),
      partial: status === 'completed_with_errors',
      services: run.services,
      findings: completed ? await deps.findingsOf(run) : [],
      previous: previousRun
        ? { services: previousRun.services, findings: await deps.findingsOf(previousRun) }
        : null,
      ...(deps.publicUrl
        ? { link: `${deps.publicUrl.replace(/\/+$/, '')}/advisor?run=${encodeURIComponent(run.runId)}` }
        : {}),
    };
  }

  return {
    channels,
    rules,
    deliveries,

    /** Slack and webhook URLs pass the SSRF guard first (a clear 400 names what is wrong). */
    async createChannel(username: string, body: CreateChannelBody) {
      if (body.kind !== 'email')
        await checkReceiverUrl(
          body.kind === 'slack' ? body.webhookUrl : body.url,
          receivers,
          deps.resolveHost,
        );
      return await channels.create(username, body);
    },

    async createRule(username: string, body: RuleBody): Promise<Rule> {
      await validateRule(username, body);
      return await rules.create(username, body);
    },

    async updateRule(username: string, id: string, body: RuleBody): Promise<Rule> {
      await validateRule(username, body);
      return await rules.update(username, id, body);
    },

    /** Sends a test message now and waits (bounded) for the result to show it. */
    async sendTest(username: string, channelId: string, lang: Lang): Promise<Delivery> {
      await channels.get(username, channelId);
      const content: NotificationContent = {
        kind: 'test',
        newCount: 0,
        newTop: [],
        resolvedCount: 0,
        resolvedTop: [],
      };
      const delivery = await queueMessage(username, channelId, content, lang);
      // Whichever process sends it (this one, or a worker in Redis mode), the stored status tells.
      const deadline = Date.now() + timeoutMs * DELIVERY_ATTEMPTS + retryDelayMs * 3 + 2_000;
      let latest: StoredDelivery | null = delivery;
      while (Date.now() < deadline) {
        latest = await deliveries.get(username, delivery.id);
        if (latest?.status === 'delivered' || latest?.status === 'failed') break;
        await new Promise((r) => setTimeout(r, TEST_POLL_MS));
      }
      return toPublic(latest ?? delivery);
    },

    /**
     * Called when an advisor run reaches its final status. Never throws and never delays the run:
     * the caller does not await it, failures are logged.
     */
    async onRunFinished(run: StoredRun): Promise<number> {
      if (run.status === 'cancelled') return 0;
      try {
        const active = (await rules.list(run.username)).filter(
          (r) => r.enabled && (!r.connectionId || r.connectionId === run.connectionId),
        );
        if (active.length === 0) return 0;
        const outcome = await outcomeOf(run);
        const userLang = await deps.lang(run.username);
        let queued = 0;
        for (const rule of active) {
          const content = evaluateRule(rule, outcome);
          if (!content) continue;
          for (const channelId of rule.channelIds) {
            await queueMessage(run.username, channelId, content, rule.lang ?? userLang, rule).then(
              () => queued++,
              (error: unknown) =>
                deps.log('warn', 'could not queue a notification', {
                  ruleId: rule.id,
                  channelId,
                  error: String(error),
                }),
            );
          }
        }
        if (queued > 0) deps.log('info', 'notifications queued', { runId: run.runId, count: queued });
        return queued;
      } catch (error) {
        deps.log('error', 'notification rules could not be evaluated', {
          runId: run.runId,
          error: String(error),
        });
        return 0;
      }
    },

    /**
     * The scheduler timer's periodic work: held deliveries whose quiet hours are over, and
     * deliveries left in `sending` by a process that died (longer than any delivery can take).
     */
    async maintain(): Promise<void> {
      await this.releaseHeld();
      const { requeued, failed } = await deliveries.recoverStuck(stuckAfterMs);
      for (const d of requeued) await enqueue(d).catch(() => undefined); // already queued here
      for (const d of failed)
        await channels.recordOutcome(d.username, d.channelId, false).catch(() => undefined);
      if (requeued.length + failed.length > 0)
        deps.log('warn', 'deliveries recovered from a stopped process', {
          requeued: requeued.length,
          failed: failed.length,
        });
    },

    /** Queues held deliveries whose quiet hours are over. */
    async releaseHeld(): Promise<number> {
      const due = await deliveries.dueHeld(deps.now());
      for (const d of due) {
        await deliveries.release(d.username, d.deliveryId);
        // Rejected only when it is already queued in this process.
        await enqueue({ username: d.username, id: d.deliveryId }).catch(() => undefined);
      }
      return due.length;
    },
  };
}
