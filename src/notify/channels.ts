import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { EncryptedBlob, type SecretBox } from '../connections/secrets.js';
import { type Channel, ChannelKindSchema, type CreateChannelBody } from '../shared/api/notify.js';
import type { DocumentStore } from '../storage/documents.js';
import { keys } from '../storage/keys.js';
import { NotifyError } from './errors.js';

export const MAX_CHANNELS_PER_USER = 20;
/** Final delivery failures in a row after which a channel shows as failing. */
export const FAILING_AFTER = 3;

/** What a sender needs, decrypted: only ever held in memory while a message is sent. */
export const ChannelSecrets = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('email'),
    host: z.string(),
    port: z.number(),
    secure: z.boolean(),
    user: z.string().optional(),
    password: z.string().optional(),
    from: z.string(),
    to: z.array(z.string()),
  }),
  z.object({ kind: z.literal('slack'), webhookUrl: z.string() }),
  z.object({ kind: z.literal('webhook'), url: z.string(), signingSecret: z.string() }),
]);
export type ChannelSecrets = z.infer<typeof ChannelSecrets>;

const StoredChannel = z.object({
  id: z.string(),
  name: z.string(),
  kind: ChannelKindSchema,
  createdAt: z.string(),
  target: z.string(),
  consecutiveFailures: z.number().int(),
  lastDeliveryAt: z.string().optional(),
  /** The whole channel configuration sealed (AES-GCM, bound to user and channel id). */
  sealed: EncryptedBlob,
});
type StoredChannel = z.infer<typeof StoredChannel>;
const ChannelsDocument = z.object({ channels: z.array(StoredChannel) });

/** A hint that names the target without its secret part (webhook paths carry the token). */
function targetOf(body: CreateChannelBody): string {
  if (body.kind === 'email') return `${body.host}:${body.port} → ${body.to.join(', ')}`;
  return new URL(body.kind === 'slack' ? body.webhookUrl : body.url).host;
}

function toPublic(stored: StoredChannel): Channel {
  const { sealed: _sealed, ...visible } = stored;
  return { ...visible, failing: stored.consecutiveFailures >= FAILING_AFTER };
}

/** Channel ids get their own prefix: the SecretBox AAD must never equal a connection's. */
const channelAadId = (id: string) => `notify-channel/${id}`;

export class ChannelStore {
  constructor(
    private readonly documents: DocumentStore,
    private readonly box: SecretBox,
    private readonly now: () => Date,
  ) {}

  private async all(username: string): Promise<StoredChannel[]> {
    return (
      (await this.documents.getJson(keys.notifyChannels(username), ChannelsDocument))?.value.channels ?? []
    );
  }

  async list(username: string): Promise<Channel[]> {
    return (await this.all(username)).map(toPublic);
  }

  async get(username: string, id: string): Promise<Channel> {
    const found = (await this.all(username)).find((c) => c.id === id);
    if (!found) throw new NotifyError('channel_not_found', `Channel ${id.slice(0, 100)} was not found`);
    return toPublic(found);
  }

  async create(username: string, body: CreateChannelBody): Promise<Channel> {
    const id = `ch-${randomBytes(6).toString('hex')}`;
    const { name: _name, ...config } = body;
    const stored: StoredChannel = {
      id,
      name: body.name,
      kind: body.kind,
      createdAt: this.now().toISOString(),
      target: targetOf(body),
      consecutiveFailures: 0,
      sealed: this.box.seal(JSON.stringify(config), username, channelAadId(id)),
    };
    await this.documents.updateJson(keys.notifyChannels(username), ChannelsDocument, (doc) => {
      const channels = doc?.channels ?? [];
      if (channels.length >= MAX_CHANNELS_PER_USER)
        throw new NotifyError('too_many', `At most ${MAX_CHANNELS_PER_USER} channels`);
      return { channels: [...channels, stored] };
    });
    return toPublic(stored);
  }

  async remove(username: string, id: string): Promise<void> {
    await this.get(username, id);
    await this.documents.updateJson(keys.notifyChannels(username), ChannelsDocument, (doc) => ({
      channels: (doc?.channels ?? []).filter((c) => c.id !== id),
    }));
  }

  /** The decrypted configuration, for the sender only. */
  async secrets(username: string, id: string): Promise<ChannelSecrets> {
    const found = (await this.all(username)).find((c) => c.id === id);
    if (!found) throw new NotifyError('channel_not_found', `Channel ${id.slice(0, 100)} was not found`);
    return ChannelSecrets.parse(JSON.parse(this.box.open(found.sealed, username, channelAadId(id))));
  }

  /** Counts final failures in a row (a channel that keeps failing is flagged); success resets. */
  async recordOutcome(username: string, id: string, delivered: boolean): Promise<void> {
    const at = this.now().toISOString();
    await this.documents.updateJson(keys.notifyChannels(username), ChannelsDocument, (doc) => ({
      channels: (doc?.channels ?? []).map((c) =>
        c.id !== id
          ? c
          : {
              ...c,
              lastDeliveryAt: at,
              consecutiveFailures: delivered ? 0 : c.consecutiveFailures + 1,
            },
      ),
    }));
  }
}
