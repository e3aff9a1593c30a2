import { randomBytes } from 'node:crypto';
import pRetry from 'p-retry';
import { z } from 'zod';
import { type Delivery, DeliverySchema } from '../shared/api/notify.js';
import type { DocumentStore } from '../storage/documents.js';
import { keys, timestampSegment } from '../storage/keys.js';
import type { ChannelStore } from './channels.js';
import type { RenderedMessage } from './messages.js';
import { DeliveryError, sendToChannel } from './senders.js';

export const DELIVERY_JOB = 'notify-delivery';
/** Tries per delivery: the first and two retries. */
export const DELIVERY_ATTEMPTS = 3;
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
const StoredDelivery = DeliverySchema.extend({ username: z.string(), message: RenderedMessageSchema });
export type StoredDelivery = z.infer<typeof StoredDelivery>;

const toPublic = ({ username: _u, message: _m, ...visible }: StoredDelivery): Delivery => visible;

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
      const m = /^notify-held\/([^/]+)\/([^/]+)\.json$/.exec(key);
      const held = await this.documents.getJson(key, z.object({ notBefore: z.string() }));
      if (m?.[1] && m[2] && held && new Date(held.value.notBefore) <= at)
        due.push({ username: m[1], deliveryId: m[2] });
    }
    return due;
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
  /** First retry delay; doubled for the next (exponential backoff). */
  retryDelayMs: number;
  log: (level: 'info' | 'warn', message: string, fields: Record<string, unknown>) => void;
}

/** The job that sends one delivery: 3 attempts with backoff, each one written to the history. */
export function createDeliveryHandler(deps: DeliveryHandlerDeps) {
  const { deliveries } = deps;
  const recordAttempt = (d: StoredDelivery, attempt: Delivery['attempts'][number]) =>
    deliveries.update(d.username, d.id, (current) => ({
      ...current,
      attempts: [...current.attempts, attempt],
    }));

  return async function sendDelivery(payload: DeliveryJobPayload, ctx: { signal: AbortSignal }) {
    // Only one worker moves it to `sending`, so a delivery is never sent twice.
    const delivery = await deliveries.update(payload.username, payload.deliveryId, (d) =>
      d.status === 'queued' || d.status === 'held' ? { ...d, status: 'sending' } : null,
    );
    if (!delivery) return;
    let delivered = false;
    try {
      const config = await deps.channels.secrets(delivery.username, delivery.channelId);
      await pRetry(
        async () => {
          const started = Date.now();
          try {
            const result = await sendToChannel(config, delivery.message, {
              timeoutMs: deps.timeoutMs,
              signal: ctx.signal,
              now: deps.now,
            });
            await recordAttempt(delivery, {
              at: deps.now().toISOString(),
              ok: true,
              ...(result.responseCode ? { responseCode: result.responseCode } : {}),
              durationMs: Date.now() - started,
            });
          } catch (error) {
            const failure =
              error instanceof DeliveryError ? error : new DeliveryError('unexpected error', false);
            await recordAttempt(delivery, {
              at: deps.now().toISOString(),
              ok: false,
              ...(failure.responseCode ? { responseCode: failure.responseCode } : {}),
              error: failure.message,
              durationMs: Date.now() - started,
            });
            throw failure;
          }
        },
        {
          retries: DELIVERY_ATTEMPTS - 1,
          factor: 2,
          minTimeout: deps.retryDelayMs,
          maxTimeout: deps.retryDelayMs * 4,
          randomize: false,
          signal: ctx.signal,
          shouldRetry: ({ error }) => !(error instanceof DeliveryError) || error.retryable,
        },
      );
      delivered = true;
    } catch (error) {
      deps.log('warn', 'notification delivery failed', {
        deliveryId: delivery.id,
        channelId: delivery.channelId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    // The channel's health first: a final status then means every effect of the delivery is stored.
    await deps.channels
      .recordOutcome(delivery.username, delivery.channelId, delivered)
      .catch(() => undefined);
    await deliveries.update(delivery.username, delivery.id, (d) => ({
      ...d,
      status: delivered ? 'delivered' : 'failed',
    }));
  };
}
