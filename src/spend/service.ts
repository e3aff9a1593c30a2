/**
 * The Spend service: Cost Explorer figures of one AWS connection, cached per user × connection ×
 * UTC day × grouping (one stored document per day holds every grouping), with the advisor's open
 * savings beside each service. Cost Explorer bills 0.01 USD per request, so:
 * - a cached answer of the day is served without asking AWS;
 * - an explicit refresh is allowed once per REFRESH_INTERVAL_MS per grouping;
 * - at most MAX_FETCHES_PER_DAY answers per connection and day, whatever is asked;
 * - concurrent identical requests share one fetch.
 */
import type { Pluggable } from '@smithy/types';
import { z } from 'zod';
import { getMonthlyCosts } from '../aws/cost-explorer.js';
import type { ResolvedCredentials } from '../connections/service.js';
import type { Finding } from '../core/findings.js';
import type { DashboardSource } from '../shared/api/dashboard.js';
import { SpendGrouping, type SpendResponse } from '../shared/api/spend.js';
import type { DocumentStore } from '../storage/documents.js';
import { keys } from '../storage/keys.js';
import { SpendError, spendErrorOf } from './errors.js';
import { savingsByCostService, spendMonths, spendPeriod, spendRows, spendTotals, utcDay } from './table.js';

export const REFRESH_INTERVAL_MS = 60 * 60_000;
export const MAX_FETCHES_PER_DAY = 24;

const CachedAnswer = z.object({
  grouping: SpendGrouping,
  fetchedAt: z.string(),
  requests: z.number().int().nonnegative(),
  months: z.array(z.string()),
  estimatedMonths: z.array(z.string()),
  costs: z.array(
    z.object({ month: z.string(), key: z.string(), amountUsd: z.number(), estimated: z.boolean() }),
  ),
});
type CachedAnswer = z.infer<typeof CachedAnswer>;

const SpendDayDocument = z.object({
  day: z.string(),
  /** Keyed by groupingId(). */
  answers: z.record(z.string(), CachedAnswer),
  /** When each Cost Explorer answer of the day was fetched (the daily budget counts them). */
  fetches: z.array(z.string()),
});
type SpendDayDocument = z.infer<typeof SpendDayDocument>;

export const groupingId = (g: SpendGrouping) => (g.kind === 'service' ? 'service' : `tag:${g.key}`);

export interface AdvisorSavingsInput {
  /** Findings of the latest completed run per service, mutes applied. */
  findings: readonly Finding[];
  sources: readonly DashboardSource[];
}

export interface SpendServiceDeps {
  documents: DocumentStore;
  resolveCredentials: (username: string, connectionId: string) => Promise<ResolvedCredentials>;
  /** The advisor figures of this connection's account (never another user's). */
  advisorSavings: (username: string, connectionId: string) => Promise<AdvisorSavingsInput>;
  now: () => Date;
  /** Test-only SDK middleware for Cost Explorer calls (fault injection). */
  costExplorerPlugins?: Pluggable<object, object>[];
}

export type SpendService = ReturnType<typeof createSpendService>;

export function createSpendService(deps: SpendServiceDeps) {
  const inFlight = new Map<string, Promise<CachedAnswer>>();

  async function fetchAnswer(
    username: string,
    resolved: ResolvedCredentials,
    grouping: SpendGrouping,
  ): Promise<CachedAnswer> {
    const connectionId = resolved.connection.id;
    const flightKey = `${username}\n${connectionId}\n${groupingId(grouping)}`;
    const running = inFlight.get(flightKey);
    if (running) return await running;
    const fetching = (async () => {
      const now = deps.now();
      const day = utcDay(now);
      const key = keys.spendDay(username, connectionId, day);
      const today = (await deps.documents.getJson(key, SpendDayDocument))?.value;
      if ((today?.fetches.length ?? 0) >= MAX_FETCHES_PER_DAY)
        throw new SpendError(
          'spend_daily_limit',
          `At most ${MAX_FETCHES_PER_DAY} Cost Explorer answers per connection and day`,
          secondsUntilNextDay(now),
        );
      const period = spendPeriod(now);
      const answer = await getMonthlyCosts({
        credentials: resolved.credentials,
        ...(resolved.endpoint ? { endpoint: resolved.endpoint } : {}),
        ...(deps.costExplorerPlugins ? { plugins: deps.costExplorerPlugins } : {}),
        grouping,
        start: period.start,
        end: period.end,
      }).catch((error: unknown) => {
        throw spendErrorOf(error);
      });
      const cached: CachedAnswer = {
        grouping,
        fetchedAt: now.toISOString(),
        requests: answer.requests,
        months: period.months,
        estimatedMonths: answer.estimatedMonths,
        costs: answer.costs,
      };
      await deps.documents.updateJson(key, SpendDayDocument, (prev): SpendDayDocument => {
        const doc = prev ?? { day, answers: {}, fetches: [] };
        return {
          ...doc,
          answers: { ...doc.answers, [groupingId(grouping)]: cached },
          fetches: [...doc.fetches, cached.fetchedAt],
        };
      });
      if (!today) await forgetEarlierDays(username, connectionId, key);
      return cached;
    })().finally(() => inFlight.delete(flightKey));
    inFlight.set(flightKey, fetching);
    return await fetching;
  }

  /** Yesterday's answers are never served again: keep one document per connection. */
  async function forgetEarlierDays(username: string, connectionId: string, keep: string): Promise<void> {
    for (const old of await deps.documents.list(keys.spendPrefix(username, connectionId))) {
      if (old !== keep) await deps.documents.delete(old);
    }
  }

  async function cachedAnswer(username: string, connectionId: string, grouping: SpendGrouping) {
    const key = keys.spendDay(username, connectionId, utcDay(deps.now()));
    return (await deps.documents.getJson(key, SpendDayDocument))?.value.answers[groupingId(grouping)];
  }

  async function respond(
    username: string,
    resolved: ResolvedCredentials,
    answer: CachedAnswer,
    cached: boolean,
  ): Promise<SpendResponse> {
    const advisor =
      answer.grouping.kind === 'service'
        ? await deps.advisorSavings(username, resolved.connection.id)
        : undefined;
    const savings = advisor ? savingsByCostService(advisor.findings) : undefined;
    const rows = spendRows(answer.months, answer.costs, savings);
    const refreshAt = new Date(Date.parse(answer.fetchedAt) + REFRESH_INTERVAL_MS);
    return {
      connection: {
        id: resolved.connection.id,
        name: resolved.connection.name,
        accountId: resolved.accountId,
      },
      grouping: answer.grouping,
      metric: 'UnblendedCost',
      currency: 'USD',
      months: spendMonths(answer.months, answer.estimatedMonths),
      rows,
      totals: spendTotals(answer.months, rows),
      fetchedAt: answer.fetchedAt,
      costExplorerRequests: answer.requests,
      refreshAvailableAt: refreshAt.toISOString(),
      cached,
      savingsSources: advisor ? [...advisor.sources] : [],
    };
  }

  return {
    /** Today's cached answer, or one Cost Explorer fetch when there is none yet. */
    async get(username: string, connectionId: string, grouping: SpendGrouping): Promise<SpendResponse> {
      const resolved = await deps.resolveCredentials(username, connectionId);
      const cached = await cachedAnswer(username, resolved.connection.id, grouping);
      if (cached) return await respond(username, resolved, cached, true);
      return await respond(username, resolved, await fetchAnswer(username, resolved, grouping), false);
    },

    /** Asks Cost Explorer again, at most once per REFRESH_INTERVAL_MS per grouping. */
    async refresh(username: string, connectionId: string, grouping: SpendGrouping): Promise<SpendResponse> {
      const resolved = await deps.resolveCredentials(username, connectionId);
      const cached = await cachedAnswer(username, resolved.connection.id, grouping);
      if (cached) {
        const waitMs = Date.parse(cached.fetchedAt) + REFRESH_INTERVAL_MS - deps.now().getTime();
        if (waitMs > 0)
          throw new SpendError(
            'spend_refresh_too_soon',
            `These figures were fetched less than an hour ago; refresh again in ${Math.ceil(waitMs / 60_000)} minutes`,
            Math.ceil(waitMs / 1000),
          );
      }
      return await respond(username, resolved, await fetchAnswer(username, resolved, grouping), false);
    },
  };
}

function secondsUntilNextDay(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}
