import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { JobContext, JobRetry } from '../jobs/queue.js';
import { type Delivery, DeliverySchema } from '../shared/api/notify.js';
import type { DocumentStore } from '../storage/documents.js';
import { keys, timestampSegment } from '../storage/keys.js';
import type { ChannelStore } from './channels.js';
import type { RenderedMessage } from './messages.js';
import { DeliveryError, sendToChannel } from './senders.js';
import type { ReceiverPolicy } from './url-guard.js';

export const DELIVERY_JOB = 'notify-delivery';
/** The job backend's queue of deliveries (a BullMQ queue of this name in Redis mode). */
export const DELIVERY_QUEUE = 'notify-deliveries';
/** Tries per delivery: the first and two retries. */
export const DELIVERY_ATTEMPTS = 3;
/** First wait before a retry (doubled for the next). */
export const DEFAULT_DELIVERY_BACKOFF_MS = 2_000;
/** The delivery queue's retries: 3 tries, `backoffMs` then twice that between them. */
export const deliveryRetry = (backoffMs: number): JobRetry => ({ attempts: DELIVERY_ATTEMPTS, backoffMs });
export const HISTORY_LIMIT = 100;

export interface DeliveryJobPayload {
  username: string;
  deliveryId: string;
}

export const deliveryJobId = (username: string, deliveryId: string) => `notify:${username}:${deliveryId}`;

const RenderedMessageSchema: z.ZodType<RenderedMessage> = z.object({
  lang: z.enum(['ko', 'en']),
  subject: z.string(),
  text: z.string(),
  slack: z.object({ text: z.string(), blocks: z.array(z.unknown()) }),
  webhook: z.record(z.string(), z.unknown()),
});

/** The stored delivery: the public view plus the rendered message (no secret is in it). */
const StoredDelivery = DeliverySchema.extend({
  username: z.string(),
  message: RenderedMessageSchema,
  /** When a worker moved it to `sending` (its own mark: a late finish of a dead worker is ignored). */
  sendingSince: z.string().optional(),
  /** Already sent again once after its process died mid-delivery. */
  recovered: z.boolean().optional(),
});
export type StoredDelivery = z.infer<typeof StoredDelivery>;

export const toPublic = ({
  username: _u,
  message: _m,
  sendingSince: _s,
  recovered: _r,
  ...visible
}: StoredDelivery): Delivery => visible;

const SendingMark = z.object({ since: z.string() });
const indexEntry = (prefix: string, key: string) => {
  const [username, file] = key.slice(prefix.length).split('/');
  return username && file?.endsWith('.json') ? { username, deliveryId: file.slice(0, -5) } : null;
};

export class DeliveryStore {
  constructor(
    private readonly documents: DocumentStore,
    private readonly now: () => Date,
  ) {}

  async create(
    input: Omit<StoredDelivery, 'id' | 'createdAt' | 'attempts' | 'subject'>,
  ): Promise<StoredDelivery> {
    const at = this.now();
    const delivery: StoredDelivery = {
      ...input,
      id: `${timestampSegment(at)}-${randomBytes(4).toString('hex')}`,
      createdAt: at.toISOString(),
      subject: input.message.subject,
      attempts: [],
    };
    await this.documents.createJson(keys.notifyDelivery(input.username, delivery.id), delivery);
    if (delivery.status === 'held')
      await this.documents.putJson(keys.notifyHeld(input.username, delivery.id), {
        notBefore: delivery.notBefore,
      });
    return delivery;
  }

  async get(username: string, id: string): Promise<StoredDelivery | null> {
    return (await this.documents.getJson(keys.notifyDelivery(username, id), StoredDelivery))?.value ?? null;
  }

  /** CAS update; `fn` returns null to leave the delivery as it is (then null is returned). */
  async update(
    username: string,
    id: string,
    fn: (current: StoredDelivery) => StoredDelivery | null,
  ): Promise<StoredDelivery | null> {
    let changed: StoredDelivery | null = null;
    await this.documents.updateJson(keys.notifyDelivery(username, id), StoredDelivery, (current) => {
      if (!current) throw new Error(`delivery ${id} is gone`);
      changed = fn(current);
      return changed ?? current;
    });
    return changed;
  }

  /** Newest first. */
  async list(username: string, limit = HISTORY_LIMIT): Promise<Delivery[]> {
    const ids = (await this.documents.list(keys.notifyDeliveriesPrefix(username))).reverse().slice(0, limit);
    const found = await Promise.all(ids.map((key) => this.documents.getJson(key, StoredDelivery)));
    return found.flatMap((d) => (d ? [toPublic(d.value)] : []));
  }

  /** Held deliveries whose quiet hours are over, of every user. */
  async dueHeld(at: Date): Promise<{ username: string; deliveryId: string }[]> {
    const due: { username: string; deliveryId: string }[] = [];
    for (const key of await this.documents.list(keys.notifyHeldPrefix())) {
      const entry = indexEntry(keys.notifyHeldPrefix(), key);
      const held = await this.documents.getJson(key, z.object({ notBefore: z.string() }));
      if (entry && held && new Date(held.value.notBefore) <= at) due.push(entry);
    }
    return due;
  }

  /**
   * Moves a queued or held delivery to `sending` (one worker wins the CAS); null when another has
   * it or it is final. `takeOver`: a job run again after its worker died also takes a `sending` one.
   */
  async startSending(
    username: string,
    id: string,
    takeOver = false,
  ): Promise<{ delivery: StoredDelivery; tookOver: boolean } | null> {
    const since = this.now().toISOString();
    let tookOver = false;
    const taken = await this.update(username, id, (d) => {
      tookOver = d.status === 'sending';
      const free = d.status === 'queued' || d.status === 'held' || (takeOver && tookOver);
      return free ? { ...d, status: 'sending', sendingSince: since } : null;
    });
    if (!taken) return null;
    await this.documents.putJson(keys.notifySending(username, id), { since });
    return { delivery: taken, tookOver };
  }

  /** Back to `queued` between two tries (false when it was meanwhile recovered from this sender). */
  async requeue(delivery: StoredDelivery): Promise<boolean> {
    const queued = await this.update(delivery.username, delivery.id, (d) => {
      if (d.status !== 'sending' || d.sendingSince !== delivery.sendingSince) return null;
      const { sendingSince: _s, ...rest } = d;
      return { ...rest, status: 'queued' };
    });
    if (queued) await this.documents.delete(keys.notifySending(delivery.username, delivery.id));
    return queued !== null;
  }

  /** The final status, unless the delivery was meanwhile recovered from this (presumed dead) sender. */
  async finish(delivery: StoredDelivery, status: 'delivered' | 'failed'): Promise<boolean> {
    const finished = await this.update(delivery.username, delivery.id, (d) =>
      d.status === 'sending' && d.sendingSince === delivery.sendingSince ? { ...d, status } : null,
    );
    if (finished) await this.documents.delete(keys.notifySending(delivery.username, delivery.id));
    return finished !== null;
  }

  /**
   * Deliveries in `sending` for longer than `staleAfterMs` lost their process mid-delivery: sent
   * again once (back to `queued`; returned for the caller to enqueue), failed the second time.
   */
  async recoverStuck(
    staleAfterMs: number,
  ): Promise<{ requeued: StoredDelivery[]; failed: StoredDelivery[] }> {
    const at = this.now();
    const requeued: StoredDelivery[] = [];
    const failed: StoredDelivery[] = [];
    for (const key of await this.documents.list(keys.notifySendingPrefix())) {
      const entry = indexEntry(keys.notifySendingPrefix(), key);
      const mark = await this.documents.getJson(key, SendingMark);
      if (!entry || !mark || at.getTime() - new Date(mark.value.since).getTime() < staleAfterMs) continue;
      const changed = await this.update(entry.username, entry.deliveryId, (d) => {
        if (d.status !== 'sending') return null;
        const { sendingSince: _s, ...rest } = d;
        const again = !d.recovered;
        const error = again
          ? 'the process sending it stopped; sending again'
          : 'the process sending it stopped again; given up';
        return {
          ...rest,
          status: again ? 'queued' : 'failed',
          recovered: true,
          attempts: [...d.attempts, { at: at.toISOString(), ok: false, error, durationMs: 0 }],
        };
      }).catch(() => null); // deleted meanwhile
      await this.documents.delete(key);
      if (changed) (changed.status === 'queued' ? requeued : failed).push(changed);
    }
    return { requeued, failed };
  }

  async release(username: string, deliveryId: string): Promise<void> {
    await this.documents.delete(keys.notifyHeld(username, deliveryId));
  }
}

export interface DeliveryHandlerDeps {
  deliveries: DeliveryStore;
  channels: ChannelStore;
  now: () => Date;
  /** Per attempt (short: a hanging receiver must not hold a worker). */
  timeoutMs: number;
  receivers: ReceiverPolicy;
  log: (level: 'info' | 'warn', message: string, fields: Record<string, unknown>) => void;
}

/** A failed try the queue runs again after its backoff (the delivery is back in `queued`). */
export class RetryDeliveryError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RetryDeliveryError';
  }
}

/**
 * The job that sends one delivery, one try per run: the queue's own attempts and backoff
 * (DELIVERY_RETRY) run it again after a retryable failure. Each try is written to the history; a
 * 4xx other than 429, or the last try, ends the delivery as failed without another run.
 */
export function createDeliveryHandler(deps: DeliveryHandlerDeps) {
  const { deliveries } = deps;
  const recordAttempt = (d: StoredDelivery, attempt: Delivery['attempts'][number]) =>
    deliveries.update(d.username, d.id, (current) => ({
      ...current,
      attempts: [...current.attempts, attempt],
    }));

  /** The channel's health first: a final status then means every effect of the delivery is stored. */
  const settle = async (delivery: StoredDelivery, delivered: boolean) => {
    const current = await deliveries.get(delivery.username, delivery.id);
    // A sender that was presumed dead and recovered from changes neither the channel nor the delivery.
    if (current?.status !== 'sending' || current.sendingSince !== delivery.sendingSince) return;
    await deps.channels
      .recordOutcome(delivery.username, delivery.channelId, delivered)
      .catch(() => undefined);
    await deliveries.finish(delivery, delivered ? 'delivered' : 'failed');
  };

  return async function sendDelivery(payload: DeliveryJobPayload, ctx: JobContext) {
    // Only one worker moves it to `sending`, so a delivery is never sent twice at once. A job run
    // again after its worker died takes over the dead run's `sending`.
    const taken = await deliveries.startSending(payload.username, payload.deliveryId, ctx.redelivered);
    if (!taken) return;
    const { delivery, tookOver } = taken;
    if (tookOver)
      await recordAttempt(delivery, {
        at: deps.now().toISOString(),
        ok: false,
        error: 'the process sending it stopped; sending again',
        durationMs: 0,
      });
    const started = Date.now();
    try {
      const config = await deps.channels.secrets(delivery.username, delivery.channelId);
      const result = await sendToChannel(config, delivery.message, {
        timeoutMs: deps.timeoutMs,
        signal: ctx.signal,
        now: deps.now,
        receivers: deps.receivers,
      });
      await recordAttempt(delivery, {
        at: deps.now().toISOString(),
        ok: true,
        ...(result.responseCode ? { responseCode: result.responseCode } : {}),
        durationMs: Date.now() - started,
      });
      await settle(delivery, true);
      return;
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError('unexpected error', false);
      await recordAttempt(delivery, {
        at: deps.now().toISOString(),
        ok: false,
        ...(failure.responseCode ? { responseCode: failure.responseCode } : {}),
        error: failure.message,
        durationMs: Date.now() - started,
      });
      if (failure.retryable && !ctx.finalAttempt && !ctx.signal.aborted) {
        // Back to `queued` while the queue waits out the backoff; the throw asks it for the next try.
        if (await deliveries.requeue(delivery)) throw new RetryDeliveryError(failure.message);
        return;
      }
      deps.log('warn', 'notification delivery failed', {
        deliveryId: delivery.id,
        channelId: delivery.channelId,
        error: failure.message,
      });
      await settle(delivery, false);
    }
  };
}
