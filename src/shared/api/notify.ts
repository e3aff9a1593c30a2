import { z } from 'zod';
import { SEVERITIES } from '../../core/services.js';
import { ServiceIdSchema } from './collections.js';

/**
 * Notification channels, rules and delivery history (issue 12). Secrets (SMTP password, webhook
 * URLs, signing keys) go in with the create body and never come back: the views below carry
 * only hints such as the webhook's host.
 */

const Name = z.string().trim().min(1).max(80);

/** Channel, rule and schedule ids as the server makes them (`ch-…`, `rule-…`, `sch-…`): anything else is a 400. */
export const NotifyIdParams = z.object({ id: z.string().regex(/^(ch|rule|sch)-[0-9a-f]{12}$/, 'not an id') });
const HttpUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const ChannelKindSchema = z.enum(['email', 'slack', 'webhook']);
export type ChannelKind = z.infer<typeof ChannelKindSchema>;

export const CreateEmailChannel = z.object({
  kind: z.literal('email'),
  name: Name,
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  /** Implicit TLS (port 465); false still upgrades with STARTTLS when the server offers it. */
  secure: z.boolean(),
  user: z.string().max(255).optional(),
  password: z.string().max(1000).optional(),
  from: z.email().max(320),
  to: z.array(z.email().max(320)).min(1).max(20),
});
export const CreateSlackChannel = z.object({
  kind: z.literal('slack'),
  name: Name,
  webhookUrl: HttpUrl,
});
export const CreateWebhookChannel = z.object({
  kind: z.literal('webhook'),
  name: Name,
  url: HttpUrl,
  /** HMAC-SHA256 key the receiver verifies X-Again-Signature with. */
  signingSecret: z.string().min(16).max(200),
});
export const CreateChannelBody = z.discriminatedUnion('kind', [
  CreateEmailChannel,
  CreateSlackChannel,
  CreateWebhookChannel,
]);
export type CreateChannelBody = z.infer<typeof CreateChannelBody>;

export const ChannelSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: ChannelKindSchema,
  createdAt: z.string(),
  /** What identifies the target without revealing a secret: "smtp.example.com:587 → ops@…", a host. */
  target: z.string(),
  /** Final failures in a row; reset by a delivered message. */
  consecutiveFailures: z.number().int(),
  /** Set when the channel keeps failing (3 failed deliveries in a row). */
  failing: z.boolean(),
  lastDeliveryAt: z.string().optional(),
});
export type Channel = z.infer<typeof ChannelSchema>;
export const ChannelsResponse = z.object({ channels: z.array(ChannelSchema) });
export const ChannelResponse = z.object({ channel: ChannelSchema });

const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');

export const RuleTriggersSchema = z.object({
  /** New open findings at or above this severity. */
  newFindingsMinSeverity: z.enum(SEVERITIES).optional(),
  resolvedFindings: z.boolean().default(false),
  /** Open savings changed by at least this many USD per month, or this percent. */
  savingsChangeUsd: z.number().positive().max(1e9).optional(),
  savingsChangePercent: z.number().positive().max(1000).optional(),
  /** The run failed, or its collection completed with errors. */
  scanFailed: z.boolean().default(false),
  /** New open findings of these checks, whatever their severity. */
  checkIds: z.array(z.string().min(1).max(100)).max(100).default([]),
});
export type RuleTriggers = z.infer<typeof RuleTriggersSchema>;

export const QuietHoursSchema = z.object({ start: HourMinute, end: HourMinute, timeZone: TimeZoneSchema });
export type QuietHours = z.infer<typeof QuietHoursSchema>;

export const RuleBody = z.object({
  name: Name,
  enabled: z.boolean().default(true),
  channelIds: z.array(z.string().min(1).max(100)).min(1).max(10),
  /** Only runs of this connection; absent = every connection of the user. */
  connectionId: z.string().min(1).max(100).optional(),
  triggers: RuleTriggersSchema,
  quietHours: QuietHoursSchema.optional(),
  /** Language of the messages; absent = the user's profile language, else English. */
  lang: z.enum(['ko', 'en']).optional(),
});
export type RuleBody = z.infer<typeof RuleBody>;
export const RuleSchema = RuleBody.extend({ id: z.string(), createdAt: z.string(), updatedAt: z.string() });
export type Rule = z.infer<typeof RuleSchema>;
export const RulesResponse = z.object({ rules: z.array(RuleSchema) });
export const RuleResponse = z.object({ rule: RuleSchema });

export const DeliveryStatusSchema = z.enum(['queued', 'sending', 'delivered', 'failed', 'held']);
export const DeliveryAttemptSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  /** HTTP status or SMTP response code of the receiver, when it answered. */
  responseCode: z.number().int().optional(),
  error: z.string().optional(),
  durationMs: z.number(),
});
export const DeliverySchema = z.object({
  id: z.string(),
  channelId: z.string(),
  channelName: z.string(),
  channelKind: ChannelKindSchema,
  ruleId: z.string().optional(),
  runId: z.string().optional(),
  test: z.boolean(),
  createdAt: z.string(),
  status: DeliveryStatusSchema,
  subject: z.string(),
  /** Quiet hours: the message waits until this instant. */
  notBefore: z.string().optional(),
  attempts: z.array(DeliveryAttemptSchema),
});
export type Delivery = z.infer<typeof DeliverySchema>;
export const DeliveriesResponse = z.object({ deliveries: z.array(DeliverySchema) });
export const DeliveryResponse = z.object({ delivery: DeliverySchema });

/** Schedules (issue 12 §1). */
export const ScheduleBody = z.object({
  name: Name,
  connectionId: z.string().min(1).max(100),
  cron: z.string().trim().min(9).max(120),
  timeZone: TimeZoneSchema,
  services: z.array(ServiceIdSchema).min(1),
  regions: z.union([z.literal('all-enabled'), z.array(z.string().min(1).max(30)).min(1).max(40)]),
  paused: z.boolean().default(false),
});
export type ScheduleBody = z.infer<typeof ScheduleBody>;
export const ScheduleSchema = ScheduleBody.extend({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The last cron tick this schedule handled (claimed by some process). */
  lastTick: z.string().optional(),
  lastRunId: z.string().optional(),
  nextRuns: z.array(z.string()),
});
export type Schedule = z.infer<typeof ScheduleSchema>;
export const SchedulesResponse = z.object({ schedules: z.array(ScheduleSchema) });
export const ScheduleResponse = z.object({ schedule: ScheduleSchema });
export const PauseBody = z.object({ paused: z.boolean() });

export const ScheduledRunSchema = z.object({
  tick: z.string(),
  claimedAt: z.string(),
  runId: z.string().optional(),
  error: z.string().optional(),
  /** True when this tick was caught up after the server was down at its time. */
  catchUp: z.boolean(),
});
export type ScheduledRun = z.infer<typeof ScheduledRunSchema>;
export const ScheduledRunsResponse = z.object({ runs: z.array(ScheduledRunSchema) });

export const PreviewQuery = z.object({ cron: z.string().trim().min(1).max(120), timeZone: TimeZoneSchema });
export const PreviewResponse = z.object({ nextRuns: z.array(z.string()) });
